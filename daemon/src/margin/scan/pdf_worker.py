"""PDF reading and OCR in a separate process, each request with a time and a memory bound.

A hostile or broken PDF or picture can make a parser loop, eat memory or crash; it does that
to the worker, which is killed and replaced, and the file is reported as not verifiable. The
worker is started once per scan (spawned, so no lock or thread of the daemon is copied into
it) and reused for every PDF and picture of that scan. A PDF's pictures are read a few
pages per request (as many as OCR threads), so a long scanned PDF meets the time bound per
page.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

_EOF_TAIL = 2048  # "%%EOF" must be this close to the end, else the file was cut short
_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def _structure_problems(data: bytes) -> list[str]:
    """A PDF cut short or with a wrong index is repaired silently by PDFium: say so."""
    tail = data[-_EOF_TAIL:]
    if b"%%EOF" not in tail:
        return ["the file is cut short (it looks truncated)"]
    found = _STARTXREF.match(tail[tail.rfind(b"startxref") :]) if b"startxref" in tail else None
    if found is None:
        return ["the file is damaged (its index of contents is missing)"]
    around = data[int(found.group(1)) :][:64]
    if not re.match(rb"\s*(?:xref|\d+\s+\d+\s+obj)", around):
        return ["the file is damaged or was altered (its index of contents is wrong)"]
    return []


def read_pdf(data: bytes, state: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything readable in a PDF, and every reason it cannot be vouched for.

    The document stays open in ``state`` so that its pictures can be read page by page next.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from margin.scan.pdf_pages import judge_page, open_second_reader

    result: dict[str, Any] = {
        "pages": [],
        "extras": [],
        "attachments": [],
        "pictures": [],  # (page index, regions that may show text)
        "problems": _structure_problems(data),
    }
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            result["problems"] = ["it needs a password to open"]
        else:
            result["problems"].append("the file is damaged and cannot be opened")
        return result
    if state is not None:
        state["pdf"] = pdf
    if pdf.get_formtype() in (pdfium_c.FORMTYPE_XFA_FULL, pdfium_c.FORMTYPE_XFA_FOREGROUND):
        result["problems"].append("it holds an XFA form, which Margin cannot read")
    pdf.init_forms()
    reader = open_second_reader(data, result)
    if reader is not None and len(reader.pages) != len(pdf):
        result["problems"].append("the file is damaged (its readers disagree on its pages)")
    for index in range(len(pdf)):
        judge_page(pdf, reader, index, result)
    for key, value in pdf.get_metadata_dict(skip_empty=True).items():
        result["extras"].append((f"document properties ({key})", value))
    for i in range(pdf.count_attachments()):
        attachment = pdf.get_attachment(i)
        result["attachments"].append((f"attached file {i + 1}", bytes(attachment.get_data())))
    return result


def _read_pages_pictures(payload: bytes, state: dict[str, Any]) -> dict[str, Any]:
    """Pages rendered one after the other (PDFium is not thread-safe), each page's regions
    read by the pool as soon as they are rendered, so the next page renders meanwhile."""
    from margin.scan.ocr import THREADS
    from margin.scan.pdf_pictures import read_rendered, render_region

    if "pool" not in state:
        state["pool"] = ThreadPoolExecutor(THREADS, thread_name_prefix="margin-ocr")
    pending = []
    for index, regions in json.loads(payload):
        page = state["pdf"][index]
        try:
            rendered = [render_region(page, region) for region in regions]
        finally:
            page.close()
        pending.append([state["pool"].submit(read_rendered, *picture) for picture in rendered])
    return {"pages": [{"readings": [reading.result() for reading in page]} for page in pending]}


def _read_picture(payload: bytes, state: dict[str, Any]) -> dict[str, Any]:
    from margin.scan.picture_read import read_bytes

    return {"readings": read_bytes(payload)}


def _locate(task: bytes, payload: bytes, state: dict[str, Any]) -> dict[str, Any]:
    from margin.scan.thumbnails import locate_in_pdf, picture_thumbnails

    if task == b"locate-pdf":
        asked = json.loads(payload)
        return locate_in_pdf(state["pdf"], asked["passages"], asked["pages"])
    frames, _, data = payload.partition(b"\n")
    return picture_thumbnails(data, json.loads(frames))


def _handle(task: bytes, payload: bytes, state: dict[str, Any]) -> dict[str, Any]:
    if task == b"pdf":
        old = state.pop("pdf", None)
        if old is not None:
            old.close()
        return read_pdf(payload, state)
    if task == b"pdf-pages":
        return _read_pages_pictures(payload, state)
    if task in (b"locate-pdf", b"picture-thumbnails"):
        return _locate(task, payload, state)
    return _read_picture(payload, state)


def _limit_memory(max_bytes: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
    except (ImportError, ValueError, OSError):
        pass  # not every system enforces it; the time bound still holds


def _serve(conn: Connection, max_bytes: int) -> None:
    # Tesseract would start a thread per core for every picture; the pool's threads (ocr.THREADS)
    # are the parallelism.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _limit_memory(max_bytes)
    state: dict[str, Any] = {}
    while True:
        try:
            task = conn.recv_bytes()
            payload = conn.recv_bytes()
        except EOFError:
            return
        try:
            reply = _handle(task, payload, state)
        except MemoryError:
            reply = {"failure": "it needs more memory to read than Margin allows (limit reached)"}
        except Exception:
            reply = {"failure": "the reader failed on it (damaged or unusual file)"}
        conn.send(reply)


class PdfWorker:
    """A worker process reading one PDF at a time, killed if it runs past its limits."""

    def __init__(self, *, timeout_seconds: float, max_memory_bytes: int):
        self.timeout_seconds = timeout_seconds
        self.max_memory_bytes = max_memory_bytes
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(child, self.max_memory_bytes),
            daemon=True,
            name="margin-pdf-reader",
        )
        self._process.start()
        child.close()
        self._conn = parent
        return parent

    def read(self, data: bytes) -> dict[str, Any]:
        """A PDF's text, problems, attachments and picture regions (the PDF stays open)."""
        return self._ask(b"pdf", data)

    def read_pages_pictures(self, pages: list[tuple[int, list[list[float]]]]) -> dict[str, Any]:
        """OCR readings of regions of a few pages of the PDF read last (read in parallel,
        so the time bound is the bound for one page times the pages asked)."""
        payload = json.dumps(pages).encode()
        return self._ask(b"pdf-pages", payload, self.timeout_seconds * max(1, len(pages)))

    def read_picture(self, data: bytes) -> dict[str, Any]:
        """OCR readings of a picture file, one per frame."""
        return self._ask(b"picture", data)

    def locate_in_pdf(
        self, passages: list[tuple[int, list[str]]], pages: list[int]
    ) -> dict[str, Any]:
        """Boxes of passages (page index, lines) on pages of the PDF read last, and
        thumbnails of its pages (indexes)."""
        payload = json.dumps({"passages": passages, "pages": pages}).encode()
        return self._ask(b"locate-pdf", payload)

    def picture_thumbnails(self, data: bytes, frames: list[int]) -> dict[str, Any]:
        """Thumbnails of frames (from 1) of a picture file."""
        return self._ask(b"picture-thumbnails", json.dumps(frames).encode() + b"\n" + data)

    def _ask(self, task: bytes, payload: bytes, seconds: float | None = None) -> dict[str, Any]:
        conn = self._conn or self._start()
        try:
            conn.send_bytes(task)
            conn.send_bytes(payload)
            if conn.poll(seconds or self.timeout_seconds):
                reply: dict[str, Any] = conn.recv()
                return reply
            failure = "it took longer to read than Margin allows (time limit reached)"
        except (EOFError, OSError):
            failure = "the reader stopped on it (damaged or hostile file)"
        self.close()
        return {"failure": failure}

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(timeout=1)  # an idle worker ends when its pipe closes
            if self._process.is_alive():
                self._process.kill()
                self._process.join(timeout=5)
            self._process = None

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
