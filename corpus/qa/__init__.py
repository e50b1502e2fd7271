"""Quality assurance: checks that read finished, annotated documents and report problems.

The stage after annotation (:mod:`corpus.qa.check` runs as ``corpus check``): it may read
every stage's results, and no stage reads it.
"""
