#!/usr/bin/python3
"""Test-project discovery and TRX summary for ./test.sh (standard library only).

  trx_summary.py discover --solution ProjectHub.sln --configuration Release > projects.tsv
      Lists the solution's test projects (MSBuild IsTestProject=true), one per
      line: name <TAB> assembly name <TAB> VSTest results directory.

  trx_summary.py summarize --projects projects.tsv --collect-to artifacts/test-results
                           [--dotnet-exit N] [--filtered]
      Reads each test project's TRX files, copies them (and blame sequence
      files) to --collect-to/<project>/, prints one line per project and, as the
      very last line, `tests: N passed, N failed` (`, N skipped` only if > 0).
      Exit status 0 only if no test failed, none was skipped, at least one
      ran, every test project produced results and no test host crashed.

A test project whose TRX is missing, unreadable, or records an aborted run
(the test host crashed or was killed by --blame-hang-timeout) is reported by
name and counted as one failed test. Without --filtered, a test project that
ran no tests is treated the same way.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
PASSED = {"Passed", "PassedButRunAborted"}
FAILED = {"Failed", "Error", "Timeout", "Aborted"}
ABORT_MARKERS = ("test run was aborted", "host process crashed", "exited unexpectedly")


def discover(args):
    sln = args.solution
    out = subprocess.run(["dotnet", "sln", sln, "list"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
    if out.returncode != 0:
        sys.stderr.write("trx_summary: `dotnet sln %s list` failed:\n%s\n" % (sln, out.stdout))
        return 1
    base = os.path.dirname(os.path.abspath(sln))
    projects = [line.strip() for line in out.stdout.splitlines()
                if line.strip().endswith("proj")]
    rows = []
    for rel in projects:
        path = os.path.join(base, rel.replace("\\", "/"))
        q = subprocess.run(
            ["dotnet", "msbuild", path, "-nologo", "-p:Configuration=" + args.configuration,
             "-getProperty:IsTestProject", "-getProperty:AssemblyName",
             "-getProperty:VSTestResultsDirectory", "-getProperty:MSBuildProjectName"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if q.returncode != 0:
            sys.stderr.write("trx_summary: cannot evaluate %s:\n%s\n" % (rel, q.stdout))
            return 1
        try:
            props = json.loads(q.stdout[q.stdout.index("{"):])["Properties"]
        except (ValueError, KeyError) as exc:
            sys.stderr.write("trx_summary: unexpected msbuild output for %s (%s):\n%s\n" % (rel, exc, q.stdout))
            return 1
        if props.get("IsTestProject", "").lower() != "true":
            continue
        results = props.get("VSTestResultsDirectory") or "TestResults"
        if not os.path.isabs(results):
            results = os.path.join(os.path.dirname(path), results)
        rows.append((props.get("MSBuildProjectName") or os.path.splitext(os.path.basename(path))[0],
                     props.get("AssemblyName") or "", os.path.normpath(results)))
    for row in rows:
        print("\t".join(row))
    return 0


class Trx:
    def __init__(self, path):
        self.path = path
        self.results = {}      # assembly file name (lower) -> list of outcomes
        self.run_errors = []   # why the run was aborted (host crash, hang kill, ...)
        self.summary_outcome = ""
        root = ET.parse(path).getroot()
        storage = {}
        for ut in root.iter(NS + "UnitTest"):
            storage[ut.get("id")] = os.path.basename((ut.get("storage") or "").replace("\\", "/")).lower()
        for r in root.iter(NS + "UnitTestResult"):
            key = storage.get(r.get("testId"), "")
            self.results.setdefault(key, []).append(r.get("outcome") or "")
        summary = root.find(NS + "ResultSummary")
        if summary is not None:
            self.summary_outcome = summary.get("outcome") or ""
            hang = False
            for info in summary.iter(NS + "RunInfo"):
                node = info.find(NS + "Text")
                text = (node.text or "").strip() if node is not None else ""
                low = text.lower()
                # A failing test also leaves an Error RunInfo ("[FAIL]"); only an
                # abort message means the host died (crash, or killed after a hang).
                if "inactivity time" in low and "elapsed" in low:
                    hang = True
                if (info.get("outcome") or "") == "Error" and any(
                        m in low for m in ABORT_MARKERS):
                    self.run_errors.append(text)
            if hang and self.run_errors:
                self.run_errors = ["hang: killed after --blame-hang-timeout; " + self.run_errors[0]]


def summarize(args):
    projects = []
    with open(args.projects) as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[0]:
                projects.append(parts)

    # Parse every TRX once, remembering which results directory it came from.
    trx_by_dir = {}
    for _, _, rdir in projects:
        if rdir in trx_by_dir:
            continue
        trx_by_dir[rdir] = []
        for path in sorted(glob.glob(os.path.join(rdir, "*.trx"))):
            try:
                trx_by_dir[rdir].append(Trx(path))
            except (ET.ParseError, OSError) as exc:
                trx_by_dir[rdir].append(exc.__class__.__name__ + ": " + str(exc) + " in " + path)
    owners = {}
    for _, _, rdir in projects:
        owners[rdir] = owners.get(rdir, 0) + 1

    total_p = total_f = total_s = 0
    problems = []
    lines = []
    for name, assembly, rdir in projects:
        dll = (assembly + ".dll").lower()
        outcomes, errors, files = [], [], []
        for trx in trx_by_dir.get(rdir, []):
            if isinstance(trx, str):
                errors.append("unreadable TRX: " + trx)
                continue
            mine = dll in trx.results or (owners[rdir] == 1 and not any(trx.results))
            if not mine:
                continue
            files.append(trx.path)
            outcomes += trx.results.get(dll, [])
            errors += ["test run aborted: " + (e.splitlines()[0] if e else "(no message)")
                       for e in trx.run_errors]
        if args.collect_to:
            dest = os.path.join(args.collect_to, name)
            os.makedirs(dest, exist_ok=True)
            for path in files:
                shutil.copy2(path, dest)
            for seq in glob.glob(os.path.join(rdir, "*", "Sequence_*.xml")):
                shutil.copy2(seq, dest)
        p = sum(1 for o in outcomes if o in PASSED)
        f = sum(1 for o in outcomes if o in FAILED)
        s = len(outcomes) - p - f
        note = ""
        if not files and not errors:
            if args.filtered:
                note = "no results (nothing matched the filter?)"
            else:
                note = "NO TRX FOUND in %s: test host crashed or never started (counted as 1 failed)" % rdir
                f += 1
                problems.append(name)
        elif errors:
            note = "; ".join(errors) + " (counted as 1 failed)"
            f += 1
            problems.append(name)
        elif not outcomes and args.filtered:
            note = "no tests matched the filter"
        elif not outcomes:
            note = "RAN NO TESTS (counted as 1 failed)"
            f += 1
            problems.append(name)
        total_p += p
        total_f += f
        total_s += s
        status = "FAILED" if f else ("SKIPPED TESTS" if s else ("ok" if p else "-"))
        lines.append("  %-40s %5d passed, %d failed, %d skipped  %s%s" % (
            name, p, f, s, status, ("  -- " + note) if note else ""))

    print("test results by project (TRX copies in %s):" % (args.collect_to or "-"))
    if not projects:
        print("  (the solution has no test projects)")
    for line in lines:
        print(line)
    reasons = []
    if total_f:
        reasons.append("%d failed" % total_f)
    if total_s:
        reasons.append("%d skipped (skips are not allowed)" % total_s)
    if total_p + total_f + total_s == 0:
        reasons.append("no tests ran")
    if args.dotnet_exit not in (None, 0) and not reasons:
        reasons.append("dotnet test exited with %d although every recorded test passed" % args.dotnet_exit)
    if problems:
        print("projects without complete results: %s" % ", ".join(problems))
    if reasons:
        print("TESTS FAILED: " + "; ".join(reasons))
    last = "tests: %d passed, %d failed" % (total_p, total_f)
    if total_s:
        last += ", %d skipped" % total_s
    print(last)
    return 1 if reasons else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("discover")
    d.add_argument("--solution", required=True)
    d.add_argument("--configuration", default="Release")
    s = sub.add_parser("summarize")
    s.add_argument("--projects", required=True)
    s.add_argument("--collect-to")
    s.add_argument("--dotnet-exit", type=int)
    s.add_argument("--filtered", action="store_true")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    try:
        return discover(args) if args.cmd == "discover" else summarize(args)
    except Exception:  # a bug here must not look like "tests failed" (exit 1)
        import traceback
        traceback.print_exc()
        return 3


if __name__ == "__main__":
    sys.exit(main())
