"""Round 11 (11o): shops named in quotes (corpus/annotate/shop_names.py), branches after their body, share lines,
Cantonese particles and possessives before names, Romance organisation names.  The sentences are written for these
tests, apart from the dev captures (dv216–dv222)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import words
from corpus.annotate.ner import model_input
from corpus.annotate.org_heads import without_platforms, without_shared_platforms
from corpus.annotate.shop_names import quoted_shops
from corpus.model import Mention

REGISTRY = load_registry()


def shops(text: str) -> set[str]:
    return {m.text for m in quoted_shops(words(text, REGISTRY), text, model_input(text))}


def orgs(text: str) -> set[str]:
    return {m.text for m in find_mentions(text, REGISTRY) if m.type == "org"}


def test_a_quoted_sign_with_a_head_a_mark_or_a_role_after_it_is_a_shop_in_either_script():
    assert shops("街口那家“阿旺牛腩面”换了新招牌。") == {"阿旺牛腩面"}
    assert shops("佢哋同「福記粥品」合作咗十年。") == {"福記粥品"}
    assert shops("转角的“蓉姨凉茶铺”周日休息。") == {"蓉姨凉茶铺"}
    assert shops("「晴川冰室」今年搬咗舖。") == {"晴川冰室"}
    assert shops("卖豆花的“霁月豆品”老板说生意还行。") == {"霁月豆品"}


def test_a_quoted_common_phrase_or_a_quoted_clause_is_no_shop():
    assert shops("这里被叫作“网红店”已经三年了。") == set()
    assert shops("他们办了「老店地圖」的展覽。") == set()
    assert shops("她说“我们明天一早就开门做生意”。") == set()
    assert shops("人人都叫佢「阿明」。") == set()


def test_a_body_and_its_branch_are_one_name():
    assert "中国农业发展银行张掖市分行" in orgs("贷款由中国农业发展银行张掖市分行发放。")
    assert "海巡署东部分署" in orgs("海巡署东部分署派出两艘巡防艇。")
    assert "兰州银行武威支行" in orgs("兰州银行武威支行也参与了。")


def test_a_cantonese_particle_and_a_possessive_before_a_name_are_no_part_of_it():
    assert "喺愛丁堡藝術學院" not in orgs("我喺愛丁堡藝術學院讀過兩年。")
    assert not any(name.endswith("設計學院") for name in orgs("佢之前喺英國利茲嘅設計學院做過助教。"))


def test_the_platforms_of_a_share_line_are_no_mentions_but_a_platform_in_a_sentence_may_be():
    line = "分享到：WhatsApp｜Facebook｜Telegram"
    listed = [Mention(line.index(name), line.index(name) + len(name), name, "org", source="registry")
              for name in ("WhatsApp", "Facebook", "Telegram")]
    assert without_shared_platforms(listed, model_input(line)) == []
    sentence = "Facebook和WhatsApp今年都调整了广告政策。"
    found = [Mention(0, 8, "Facebook", "org", source="ner")]
    assert without_shared_platforms(found, model_input(sentence)) == found
    used = "街坊多数用WhatsApp下单。"
    found = [Mention(5, 13, "WhatsApp", "org", source="ner")]
    assert without_platforms(found, model_input(used)) == []


def test_a_romance_organisation_with_particles_is_one_organisation():
    found = {(m.text, m.type) for m in find_mentions("佢哋代理Casa dos Queijos do Alentejo嘅芝士。", REGISTRY)}
    assert ("Casa dos Queijos do Alentejo", "org") in found


PIECES = ["“", "”", "「", "」", "阿旺", "牛腩面", "福記", "凉茶铺", "老板", "网红店", "分享到：", "WhatsApp", "｜",
          "Facebook", "喺", "愛丁堡", "嘅", "設計學院", "分行", "兰州银行", "。"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_shops_are_quoted_spans_and_mentions_stay_stable(text):
    found = quoted_shops(words(text, REGISTRY), text, model_input(text))
    assert all(text[m.start:m.end] == m.text and m.end > m.start and m.type == "org" for m in found)
    assert all(text[m.start - 1] in "“「" and text[m.end] in "”」" for m in found)
    mentions = find_mentions(text, REGISTRY)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert find_mentions(text, REGISTRY) == mentions
    once = without_shared_platforms(mentions, model_input(text))
    assert without_shared_platforms(once, model_input(text)) == once
