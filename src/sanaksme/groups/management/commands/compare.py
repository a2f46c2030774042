"""`sanaksme compare INPUT.json [-o OUT.json]`: propose common and different themes.

With a "decisions" key in the input (the facilitator's corrections so far: confirmed
themes, items together, items apart), those are kept exactly and only the rest is
proposed again; see docs/domain/comparison.md."""

from __future__ import annotations

import argparse
import importlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sanaksme.core.jsonsafe import loads_bounded
from sanaksme.groups.domain.compare_io import (
    CompareInputError,
    parse_compare_decisions,
    parse_compare_input,
    themes_to_data,
)
from sanaksme.groups.domain.comparison import TextSimilarity, compare_results
from sanaksme.groups.lexicon_data import default_lexicon


class Command(BaseCommand):
    help = ("Compare small groups' results (JSON) and print the proposed themes: common "
            "to experts and the community, experts only, community only.")

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("input", type=Path, help="groups' results as JSON")
        parser.add_argument("-o", "--output", type=Path,
                            help="write the themes here instead of standard output")
        parser.add_argument("--embeddings", metavar="PATH",
                            default=settings.SANAKSME_EMBEDDINGS_PATH or None,
                            help="a local sentence-transformers model to blend in "
                                 "(default: $SANAKSME_EMBEDDINGS_PATH; never downloads)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["input"]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            data = loads_bounded(text)
        except ValueError as exc:  # JSONDecodeError or nesting beyond the bound
            raise CommandError(f"{path}: not valid JSON: {exc}") from exc
        try:
            groups = parse_compare_input(data)
            decisions = parse_compare_decisions(data, groups)
        except CompareInputError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        similarity = _embedding_similarity(options["embeddings"]) if options[
            "embeddings"] else None
        themes = compare_results(groups, lexicon=default_lexicon(), similarity=similarity,
                                 decisions=decisions)
        output = json.dumps(themes_to_data(themes), ensure_ascii=False, indent=2) + "\n"
        target: Path | None = options["output"]
        if target is None:
            self.stdout.write(output, ending="")
            return
        try:
            target.write_text(output, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot write {target}: {exc}") from exc
        self.stderr.write(f"Wrote {len(themes)} themes to {target}.")


def _embedding_similarity(model_path: str) -> TextSimilarity:
    """Cosine similarity of sentence embeddings from a local model directory."""
    if not Path(model_path).is_dir():
        raise CommandError(f"--embeddings: {model_path} is not a local model directory.")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local path only: never download
    try:
        library = importlib.import_module("sentence_transformers")
    except ImportError as exc:
        raise CommandError("--embeddings needs the sentence-transformers package, "
                           "which is not installed.") from exc
    model = library.SentenceTransformer(model_path, local_files_only=True)

    def similarity(texts: Sequence[str]) -> list[list[float]]:
        # Unit vectors (a NumPy array): their dot products are the cosines.
        vectors = model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        matrix: list[list[float]] = (vectors @ vectors.T).clip(min=0.0).tolist()
        return matrix

    return similarity
