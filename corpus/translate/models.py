"""Installed Argos Translate packages: install one (from a file or the Argos index), list them.

Everything goes through ``argostranslate.package``; this module adds what it
leaves out: the package directory is read from ``ARGOS_PACKAGES_DIR`` when we
are called (argos reads it once, when ``argostranslate.settings`` is first
imported, so a test or a caller that sets it later would otherwise be ignored),
a package file is checked before argos unpacks it (argos extracts any zip into
its package directory, and a stray directory without ``metadata.json`` there
breaks every later ``get_installed_packages()``), and failures become
``CorpusError``s that name the file and say what to do.
"""
from __future__ import annotations

import contextlib
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import packaging.version
from argostranslate import package as argos_package
from argostranslate import settings as argos_settings

from corpus.errors import INSTALL_HINT, InvalidModelPackage, ModelNotInstalled, PackageIndexUnavailable

SOURCE_CODE = "zh"
TARGET_CODE = "en"
# What argos's Package needs to translate: a CTranslate2 model and one tokenizer model.
REQUIRED_MEMBERS = ("metadata.json", "model/model.bin")
TOKENIZER_MEMBERS = ("sentencepiece.model", "bpe.model")


@dataclass(frozen=True)
class InstalledModel:
    name: str  # the package's directory name, e.g. "translate-zh_en-1_9"
    from_code: str
    to_code: str
    package_version: str
    path: Path


def packages_dir() -> Path:
    """Where packages are installed: ARGOS_PACKAGES_DIR (or argos's settings.json), else argos's default."""
    configured = argos_settings.get_setting("ARGOS_PACKAGES_DIR", default=argos_settings.package_data_dir)
    directory = Path(configured)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@contextlib.contextmanager
def argos_installs_into(directory: Path):
    """Point argos's install/uninstall at ``directory`` for the duration (see module docstring)."""
    saved = argos_settings.package_data_dir
    argos_settings.package_data_dir = directory
    try:
        yield
    finally:
        argos_settings.package_data_dir = saved


def installed_packages() -> list[argos_package.Package]:
    """argos's Package objects for every package installed in ``packages_dir()``."""
    directories = [packages_dir(), *argos_settings.package_dirs[1:]]  # [1:]: argos's bundled (snap) dirs
    try:
        return argos_package.get_installed_packages(path=directories)
    except FileNotFoundError as error:  # argos: "Error opening package at <dir>/metadata.json no metadata.json"
        raise InvalidModelPackage(
            str(error.args[0]).split(" at ")[-1], "installed package has no metadata.json; remove its directory"
        ) from error


def version_key(pkg: argos_package.IPackage) -> packaging.version.Version:
    try:
        return packaging.version.parse(pkg.package_version or "0")
    except packaging.version.InvalidVersion:
        return packaging.version.Version("0")


def find_installed(from_code: str = SOURCE_CODE, to_code: str = TARGET_CODE) -> argos_package.Package:
    """The newest installed translate package from_code→to_code; ModelNotInstalled if none."""
    candidates = [
        pkg
        for pkg in installed_packages()
        if pkg.type == "translate" and pkg.from_code == from_code and pkg.to_code == to_code
    ]
    if not candidates:
        raise ModelNotInstalled(from_code, to_code, str(packages_dir()))
    return max(candidates, key=version_key)


def describe(pkg: argos_package.Package) -> InstalledModel:
    return InstalledModel(
        name=pkg.package_path.name,
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        package_version=pkg.package_version,
        path=pkg.package_path,
    )


def list_installed() -> list[InstalledModel]:
    """Every installed package, sorted by name (for ``corpus models list``)."""
    return sorted((describe(pkg) for pkg in installed_packages()), key=lambda model: model.name)


def package_root(path: Path) -> str:
    """The one top-level directory of a .argosmodel zip, after checking it is a usable package."""
    if not path.is_file():
        raise InvalidModelPackage(str(path), "no such file")
    if not zipfile.is_zipfile(path):
        raise InvalidModelPackage(str(path), "not a zip archive (an .argosmodel is a zip of one package directory)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            damaged = archive.testzip()
            roots = {PurePosixPath(name).parts[0] for name in names}
            if len(roots) != 1:
                raise InvalidModelPackage(str(path), f"expected one top-level directory, found {sorted(roots)}")
            (root,) = roots
            unsafe = [name for name in names if name.startswith("/") or ".." in PurePosixPath(name).parts]
            if unsafe:
                raise InvalidModelPackage(str(path), f"member paths leave the package directory: {unsafe}")
            metadata = json.loads(archive.read(f"{root}/metadata.json")) if f"{root}/metadata.json" in names else None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
        raise InvalidModelPackage(str(path), f"corrupt zip archive ({error})") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidModelPackage(str(path), f"{root}/metadata.json is not JSON ({error})") from error
    if damaged is not None:
        raise InvalidModelPackage(str(path), f"corrupt zip archive: member {damaged} fails its checksum")
    missing = [member for member in REQUIRED_MEMBERS if f"{root}/{member}" not in names]
    if not any(f"{root}/{member}" in names for member in TOKENIZER_MEMBERS):
        missing.append(" or ".join(TOKENIZER_MEMBERS))
    if missing:
        raise InvalidModelPackage(str(path), f"missing {', '.join(missing)} under {root}/")
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise InvalidModelPackage(str(path), f"{root}/metadata.json lacks from_code/to_code")
    return root


def install_file(path: str | os.PathLike) -> InstalledModel:
    """Install a .argosmodel file, replacing an installed package of the same name."""
    path = Path(path)
    root = package_root(path)
    directory = packages_dir()
    with argos_installs_into(directory):
        if (directory / root).is_dir():
            argos_package.uninstall(argos_package.Package(directory / root))
        argos_package.install_from_path(path)
    return describe(argos_package.Package(directory / root))


def index_state(path: Path) -> tuple[int, int] | None:
    return (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else None


def install_from_index(from_code: str = SOURCE_CODE, to_code: str = TARGET_CODE) -> InstalledModel:
    """Download the newest from_code→to_code package listed in the Argos index and install it."""
    index = Path(argos_settings.local_package_index)
    before = index_state(index)
    # argos logs and swallows a failed index download; an unchanged local index is how we see it.
    argos_package.update_package_index()
    if index_state(index) == before:
        raise PackageIndexUnavailable(
            f"could not download the Argos package index from {argos_settings.remote_package_index} "
            f"(is this machine offline?); copy a translate-{from_code}_{to_code}-*.argosmodel here and "
            f"run: corpus models install PATH/TO/translate-{from_code}_{to_code}-*.argosmodel"
        )
    listed = [
        pkg
        for pkg in argos_package.get_available_packages()
        if pkg.type == "translate" and pkg.from_code == from_code and pkg.to_code == to_code
    ]
    if not listed:
        raise PackageIndexUnavailable(f"the Argos package index lists no {from_code}→{to_code} package")
    newest = max(listed, key=version_key)
    try:
        downloaded = newest.download()
    except Exception as error:  # argos raises a bare Exception("Download failed for …")
        raise PackageIndexUnavailable(f"could not download {newest.links}: {error}; {INSTALL_HINT}") from error
    try:
        return install_file(downloaded)
    finally:
        downloaded.unlink(missing_ok=True)


def install(path: str | os.PathLike | None = None) -> InstalledModel:
    """``corpus models install PATH`` (a .argosmodel file) or, with no path, ``--from-index`` (zh→en)."""
    return install_file(path) if path is not None else install_from_index()
