"""Check and render a slide PDF in a child process with CPU, memory and time limits.

A small PDF can hold a content stream that inflates to hundreds of megabytes of
drawing instructions; pdfium then takes minutes and gigabytes inside whichever process
opened it. So the server never opens an uploaded PDF itself: `render_pdf` runs
`python -m sanaksme.presenting.pdfworker` under `setrlimit` (address space and CPU
seconds) and a wall-clock timeout. The worker imports no Django; it writes
`1.webp`, `2.webp`, … into a directory and reports on stdout as one JSON line.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True)
class Rendered:
    """The worker's answer: `pages` images in `folder`, or a refusal `error` code
    ("unreadable", "no_pages", "too_many_pages", "limits")."""

    pages: int = 0
    error: str | None = None


def render_pdf(pdf: Path, out: Path, *, max_pages: int, memory_mb: int,
               cpu_seconds: int, timeout: float) -> Rendered:
    """Render every page of `pdf` into `out` in a limited child process."""

    def limit() -> None:  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))

    try:
        done = subprocess.run(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", "sanaksme.presenting.pdfworker", str(pdf), str(out),
             str(max_pages)],
            preexec_fn=limit, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:  # run() has killed the child
        return Rendered(error="limits")
    try:
        answer = json.loads(done.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return Rendered(error="limits")  # killed (CPU, memory) or crashed
    if done.returncode != 0 or not isinstance(answer, dict):
        return Rendered(error="limits")
    error = answer.get("error")
    return Rendered(pages=int(answer.get("pages", 0)),
                    error=str(error) if error else None)


def _work(pdf_path: str, out_dir: str, max_pages: int) -> dict[str, object]:
    import pypdfium2 as pdfium

    from sanaksme.presenting.domain.media import render_scale

    try:
        pdf = pdfium.PdfDocument(pdf_path)
    except pdfium.PdfiumError:
        return {"error": "unreadable"}
    try:
        pages = len(pdf)
        if pages == 0:
            return {"error": "no_pages"}
        if pages > max_pages:
            return {"error": "too_many_pages", "pages": pages}
        for index in range(pages):
            page = pdf[index]
            try:
                width, height = page.get_size()
                image = page.render(scale=render_scale(width, height)).to_pil()
            finally:
                page.close()
            image.save(Path(out_dir) / f"{index + 1}.webp", format="WEBP", quality=82,
                       method=4)
        return {"pages": pages}
    finally:
        pdf.close()


def main(argv: list[str]) -> int:
    pdf_path, out_dir, max_pages = argv[0], argv[1], int(argv[2])
    try:
        answer = _work(pdf_path, out_dir, max_pages)
    except MemoryError:
        answer = {"error": "limits"}
    sys.stdout.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
