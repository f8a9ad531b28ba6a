"""``thidua cache prune``: the ingest cache keeps only what the latest published versions need."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli_common import flag
from thidua.settings import default_cache_dir, out_root

app = typer.Typer(help="Bộ nhớ đệm của việc đọc tệp.", no_args_is_help=True)


@app.command("prune")
def prune_command(
        cache: Annotated[Optional[Path], typer.Option(
            "--cache", metavar="THƯ_MỤC", help="Thư mục bộ nhớ đệm (mặc định data/out/.cache).")] = None,
        out: Annotated[Optional[list[Path]], typer.Option(
            "--out", metavar="THƯ_MỤC", help="Thư mục kết quả của một năm có bản cần giữ "
                                             "(lặp lại được; mặc định mọi năm trong data/out).")] = None,
        now: Annotated[bool, flag(
            "--now", help="Xóa cả mục vừa ghi (không chờ 1 giờ); chỉ dùng khi không có lần "
                          "chạy nào đang diễn ra.")] = False) -> None:
    """Xóa khỏi bộ nhớ đệm mọi mục mà bản mới nhất của từng năm không cần nữa (mục của tệp đã
    thay, của chương trình cũ, của lần chạy bị dừng)."""
    from thidua.ingest.cache import GRACE, IngestCache, prune  # loads pandas: only when used
    from thidua.report.formatting import number

    folder = cache or default_cache_dir()
    if cache and not cache.is_dir():
        typer.echo(f"thidua: --cache {cache} không phải thư mục có sẵn: hãy chỉ thư mục bộ nhớ đệm "
                   f"mà thidua run dùng (mặc định data/out/.cache).", err=True)
        raise typer.Exit(2)
    outs = list(out) if out else [p for p in out_root().glob("*") if (p / "versions").is_dir()]
    done = prune(IngestCache(folder), outs, older_than=0.0 if now else GRACE)
    freed = f"{done.freed / 2**20:.1f}".replace(".", ",")
    typer.echo(f"Bộ nhớ đệm {folder}: giữ {number(done.kept)} mục, xóa {number(done.removed)} "
               f"mục ({freed} MB).")
