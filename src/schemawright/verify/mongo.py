"""Run the mongosh scripts up → down → up on a scratch database of ``SCHEMAWRIGHT_MONGODB_URL``.

Needs both the URL and the ``mongosh`` shell on PATH; otherwise the report is "skipped" with the reason
(validators are still proven offline by the test suite with a JSON Schema validator).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from schemawright.verify.models import Step, VerificationReport

MONGODB_ENV = "SCHEMAWRIGHT_MONGODB_URL"


def verify_mongo(up: str, down: str, url: str | None = None) -> VerificationReport:
    started = time.perf_counter()
    report = VerificationReport(engine="mongodb", status="passed")
    url = url or os.environ.get(MONGODB_ENV)
    shell = shutil.which("mongosh")
    if not url or not shell:
        report.status = "skipped"
        report.error = (
            f"set {MONGODB_ENV}=mongodb://host:27017 and install mongosh to run the scripts on a real MongoDB"
        )
        return report
    parts = urlsplit(url)
    report.target = f"server {parts.hostname}:{parts.port or 27017}"
    scratch = urlunsplit(parts._replace(path=f"/sw_scratch_{uuid.uuid4().hex[:12]}"))
    with tempfile.TemporaryDirectory(prefix="schemawright-mongo-") as tmp:
        files = {"up": Path(tmp, "up.js"), "down": Path(tmp, "down.js"), "drop": Path(tmp, "drop.js")}
        files["up"].write_text(up)
        files["down"].write_text(down)
        files["drop"].write_text("db.dropDatabase();\n")
        try:
            for step in ("up", "down", "up"):
                name = "up-again" if step == "up" and report.steps else step
                t0 = time.perf_counter()
                run = subprocess.run(
                    [shell, scratch, "--quiet", "--file", str(files[step])],
                    capture_output=True,
                    text=True,
                    timeout=120,
                    check=False,
                )
                ok = run.returncode == 0
                report.steps.append(
                    Step(
                        name=name,
                        ok=ok,
                        detail=(run.stderr or run.stdout)[-500:],
                        seconds=round(time.perf_counter() - t0, 4),
                    )
                )
                if not ok:
                    report.status, report.error = (
                        "failed",
                        f"{name}: {(run.stderr or run.stdout).strip()[:300]}",
                    )
                    break
        finally:
            subprocess.run(
                [shell, scratch, "--quiet", "--file", str(files["drop"])],
                capture_output=True,
                timeout=60,
                check=False,
            )
    report.seconds = round(time.perf_counter() - started, 3)
    return report
