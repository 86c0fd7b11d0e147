"""The `build` command: read, draft, render, validate, and write without clobbering."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.drafting.draft import draft
from bot.drafting.model import BuildError, Release
from bot.drafting.progress import Progress
from bot.drafting.read import read_release
from bot.drafting.render import HEADER, merge_text, render
from bot.errors import describe
from bot.language import (
    squash_whitespace,
)
from bot.store import (
    Store,
    StoreError,
    check_store,
    load_store,
    parse_document,
    uncited_sentences,
)


@dataclass(frozen=True)
class BuildResult:
    """What `build` wrote."""

    store: Path
    document: Path
    wrote_document: bool
    added: int  # draft entries written
    kept: int  # curated entries kept (merge only)
    topics: tuple[str, ...]

    def summary(self) -> str:
        written = f"wrote {self.document}; " if self.wrote_document else ""
        if self.kept:
            return (
                f"{self.store}: kept {self.kept} curated entries, added {self.added} draft "
                f"entries ({written}document {self.document.name})"
            )
        return (
            f"{self.store}: {self.added} draft entries in {len(self.topics)} topics "
            f"({written}document {self.document.name}); review each `draft: true` entry"
        )


def build(
    release_path: Path,
    output: Path,
    *,
    merge: Path | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Draft a store for `release_path` into `output` (adding to `merge`'s entries if given).

    `progress`, if given, is told how drafting goes (see `bot.drafting.progress`).
    """
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise BuildError(f"{output}: the store must be a .yaml file")
    release = read_release(release_path)
    if output.resolve() == release_path.resolve():
        raise BuildError(f"{output}: the store would overwrite the release")
    document_path = output.with_suffix(".txt") if release.copy else release_path
    if release.copy and document_path.resolve() == release_path.resolve():
        raise BuildError(f"{document_path}: the extracted text would overwrite the release")
    _refuse_to_clobber(output, document_path, release, merge)
    try:
        relative = Path(os.path.relpath(document_path.resolve(), output.parent.resolve()))
    except ValueError:  # another drive (Windows): only an absolute path reaches it
        relative = document_path.resolve()
    if merge is not None:
        text, added, kept = _merged(release, release_path, merge, relative.as_posix(), progress)
    else:
        result = draft(release, relative.as_posix(), progress=progress)
        if not result.entries:
            raise BuildError(f"{release_path}: no sentences to draft entries from")
        text = render(result, source=release_path.name, store=output.name)
        added, kept = len(result.entries), 0
    if progress is not None:
        progress("checking the draft", 0, 1)
    store = _write_checked(output, text, release, document_path)
    return BuildResult(
        store=output,
        document=document_path,
        wrote_document=release.copy,
        added=added,
        kept=kept,
        topics=store.topics,
    )


def _write_checked(output: Path, text: str, release: Release, document_path: Path) -> Store:
    """Write the store (and the extracted text) only if `check_store` accepts it."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if release.copy:
            document_path.write_text(release.text, encoding="utf-8")
        temporary = output.with_name(f".{output.name}.building")
        temporary.write_text(text, encoding="utf-8", newline="")  # line endings as they are
    except OSError as exc:
        raise BuildError(f"{output}: cannot write ({describe(exc)})") from None
    report = check_store(temporary)
    if report.problems or report.store is None:
        temporary.unlink(missing_ok=True)
        first = (
            str(report.problems[0]).replace(str(temporary), str(output)) if report.problems else ""
        )
        raise BuildError(f"the drafted store does not validate: {first}")
    try:
        os.replace(temporary, output)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BuildError(f"{output}: cannot write ({describe(exc)})") from None
    return report.store


def _has_reviewed_entries(store: Path) -> bool:
    """True when someone has reviewed the draft: an entry no longer marked draft."""
    try:
        data = yaml.safe_load(store.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return True  # unreadable as a draft: treat it as someone's work
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return True
    return any(not (isinstance(e, dict) and e.get("draft") is True) for e in entries)


def _refuse_to_clobber(output: Path, document: Path, release: Release, merge: Path | None) -> None:
    """Never overwrite a curated store, or a text file that is not this release's text."""
    if output.is_file() and (merge is None or output.resolve() != merge.resolve()):
        try:
            head = output.read_text(encoding="utf-8")[:200]
        except (OSError, UnicodeDecodeError):
            head = ""
        if not head.startswith(HEADER.split("{", 1)[0]) or _has_reviewed_entries(output):
            raise BuildError(
                f"{output}: exists and is not an untouched draft written by build; "
                "add to it with --merge, or choose another output"
            )
    if release.copy and document.is_file():
        try:
            same = document.read_text(encoding="utf-8") == release.text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            raise BuildError(
                f"{document}: exists and is not this release's text; choose another output"
            )


def _merged(
    release: Release, release_path: Path, merge: Path, relative: str, progress: Progress | None
) -> tuple[str, int, int]:
    """The merged store text, the number of drafts added and of curated entries kept."""
    try:
        existing = load_store(merge)
        existing_text = merge.read_bytes().decode("utf-8")  # CRLF stays CRLF
    except StoreError as exc:
        raise BuildError(
            f"{merge}: not a valid store: {exc.problems[0] if exc.problems else exc}"
        ) from None
    except OSError as exc:
        raise BuildError(f"{merge}: cannot read ({describe(exc)})") from None
    document = parse_document(release.text)
    flat = document.flat
    for entry in existing.entries:
        if squash_whitespace(entry.source) not in flat:
            raise BuildError(
                f"{merge}: entry {entry.id!r} quotes text that is not in {release_path}; "
                "merge with the release the store was made from"
            )
    if document.published and existing.published and document.published != existing.published:
        raise BuildError(
            f"{merge}: published {existing.published} differs from the release's date "
            f"{document.published}"
        )
    uncited = uncited_sentences(existing, document.sentences)
    taken_ids = [e.id for e in existing.entries] + [s.id for s in existing.smalltalk]
    taken_questions = [q for e in existing.entries for q in e.questions]
    taken_questions += [q for s in existing.smalltalk for q in s.questions]
    neighbours = [(e.id, flat.find(squash_whitespace(e.source))) for e in existing.entries]
    result = draft(
        release,
        relative,
        keep=uncited,
        taken_ids=taken_ids,
        taken_questions=taken_questions,
        neighbours=neighbours,
        progress=progress,
    )
    # The curated `document:` line stays unless it no longer points at the release.
    new_document = None if _document_value(existing_text) == relative else relative
    text = merge_text(existing_text, result.entries, new_document)
    return text, len(result.entries), len(existing.entries)


def _document_value(text: str) -> str | None:
    data = yaml.safe_load(text)
    value = data.get("document") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None
