#!/usr/bin/env python3
"""Measures the runtime's figures on the assembled distribution (build it first: mvn -B package).

  python3 runtime/src/bench/runtime_figures.py [--runs 10] [--features http,ssh,dashboard] [--distribution DIR]
                                              [--after-work SECONDS]

Prints the median (and min..max) of:
  * cold start: process start to ready (every bundle active, every component satisfied), read
    from the runtime's own log line; with the bundle cache kept (a restart) and without (first boot)
  * the same for the background server (bridgeline start, with the server's JVM options), cache kept
  * hot deploy: from the moment a plugin jar appears in deploy/ to its parser in the registry
    (the registry's log line)
  * idle resident memory (VmRSS) of a background runtime 20 s after it is ready: a fresh copy's first start
    (a first boot, which also records the class-data archive) and the same copy restarted (which maps it);
    and both starts' times: the restart is what a server that was only ever started gets
  * with --after-work SECONDS: the resident memory of a server that audited a million lines (bl:bench audit),
    10 s after the audit with its embedded database open, and 10 s after the database closed for disuse
    (closeWhenUnusedSeconds=SECONDS; a distribution without it is measured once that long and a minute more passed)
Each run uses a fresh copy of the distribution in a temporary folder; --features adds features to the boot list
(bridgeline.features in conf/bridgeline.properties) of every copy, so each figure includes what they cost.
"""
import argparse
import datetime
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DIST = os.path.join(ROOT, "runtime", "target", "bridgeline")
PLUGIN = os.path.join(ROOT, "runtime", "target", "it-plugins", "org.bridgeline.itest.plugin.jar")
READY = re.compile(r"framework ready in \d+ ms, (\d+) ms after process start")


EXTRA_FEATURES = []


def fresh_copy(parent):
    home = os.path.join(parent, "bl-%d" % len(os.listdir(parent)))
    shutil.copytree(DIST, home, ignore=lambda d, names: [n for n in names if d == DIST and n in ("data", "log")])
    for folder in ("data", "log", "deploy"):
        os.makedirs(os.path.join(home, folder), exist_ok=True)
    if EXTRA_FEATURES:
        properties = os.path.join(home, "conf", "bridgeline.properties")
        with open(properties, encoding="utf-8") as conf:
            lines = conf.read().splitlines()
        lines = [line + "," + ",".join(EXTRA_FEATURES) if line.startswith("bridgeline.features=") else line for line in lines]
        with open(properties, "w", encoding="utf-8") as conf:
            conf.write("\n".join(lines) + "\n")
    return home


def bridgeline(home, *args):
    return subprocess.run([os.path.join(home, "bin", "bridgeline"), *args], capture_output=True, text=True, check=True)


def log_lines(home):
    with open(os.path.join(home, "log", "bridgeline.log"), encoding="utf-8") as log:
        return log.read().splitlines()


def log_time(line):
    return datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S.%f").timestamp()


def summary(name, values, unit):
    print("%-42s median %7.1f %s   (min %.1f, max %.1f, n=%d)" % (
        name, statistics.median(values), unit, min(values), max(values), len(values)))


def cold_start(parent, runs, keep_cache):
    home = fresh_copy(parent)
    bridgeline(home, "exec", "bl:status")  # first boot fills the cache
    figures = []
    for _ in range(runs):
        if not keep_cache:
            shutil.rmtree(os.path.join(home, "data"))
        bridgeline(home, "exec", "bl:status")
        figures.append(int(READY.findall("\n".join(log_lines(home)))[-1]))
    return figures


def server_start(parent, runs):
    """Start to ready of the background server (bridgeline start), which runs with the server's JVM options."""
    home = fresh_copy(parent)
    bridgeline(home, "exec", "bl:status")  # first boot fills the cache
    figures = []
    for _ in range(runs):
        bridgeline(home, "start")
        bridgeline(home, "stop")
        figures.append(int(READY.findall("\n".join(log_lines(home)))[-1]))
    return figures


def hot_deploy(parent, runs):
    home = fresh_copy(parent)
    bridgeline(home, "start")
    figures = []
    try:
        for run in range(runs):
            staged = os.path.join(home, "itest.jar.part")
            shutil.copy(PLUGIN, staged)
            seen = len(log_lines(home))
            copied = time.time()
            os.rename(staged, os.path.join(home, "deploy", "itest.jar"))  # appears whole, as a finished copy does
            registered = wait_for_log(home, seen, "plugin registered: parser itest-lines")
            figures.append((log_time(registered) - copied) * 1000)
            seen = len(log_lines(home))
            os.remove(os.path.join(home, "deploy", "itest.jar"))
            wait_for_log(home, seen, "plugin removed: org.bridgeline.itest.plugin")
    finally:
        bridgeline(home, "stop")
    return figures


def wait_for_log(home, after, text, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for line in log_lines(home)[after:]:
            if text in line:
                return line
        time.sleep(0.005)
    raise SystemExit("timed out waiting for '%s' in %s" % (text, home))


def rss_mib(home):
    with open(os.path.join(home, "data", "bridgeline.pid")) as pid_file:
        pid = pid_file.read().strip()
    with open("/proc/%s/status" % pid) as status:
        return int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1)) / 1024


def idle_rss(parent, runs):
    """A fresh installation's first server (it records the class-data archive) and its restart (which maps it):
    start to ready of the first, and each one's idle resident memory."""
    # side by side when they can share the machine; one after the other when the features listen on fixed ports
    batches = [[fresh_copy(parent) for _ in range(runs)]] if not EXTRA_FEATURES else [[fresh_copy(parent)] for _ in range(runs)]
    first_start, first, restart, restarted = [], [], [], []
    for homes in batches:
        for starts, figures in ((first_start, first), (restart, restarted)):
            try:
                for home in homes:
                    bridgeline(home, "start")
                    starts.append(int(READY.findall("\n".join(log_lines(home)))[-1]))
                time.sleep(20)
                figures.extend(rss_mib(home) for home in homes)
            finally:
                for home in homes:
                    bridgeline(home, "stop")
    return first_start, first, restart, restarted


def after_work(parent, runs, close_after):
    """Resident memory of a server after a million-line audit: while its database is open, and once it closed."""
    opened, closed = [], []
    for _ in range(runs):
        home = fresh_copy(parent)
        with open(os.path.join(home, "conf", "org.bridgeline.store.duckdb.cfg"), "w", encoding="utf-8") as cfg:
            cfg.write("closeWhenUnusedSeconds=%d\n" % close_after)
        bridgeline(home, "start")
        try:
            bridgeline(home, "client", "bl:feature-install bench")
            seen = len(log_lines(home))
            bridgeline(home, "client", "bl:bench audit 1000000")
            audited = time.time()
            time.sleep(10)
            opened.append(rss_mib(home))
            try:
                wait_for_log(home, seen, "store closed, unused for", timeout=max(0, audited + close_after + 60 - time.time()))
            except SystemExit:
                pass  # a build that keeps its database open: measured as it is
            time.sleep(10)
            closed.append(rss_mib(home))
        finally:
            bridgeline(home, "stop")
    return opened, closed


def main():
    global DIST
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--features", default="", help="features to boot besides the default ones, comma-separated")
    parser.add_argument("--distribution", default=DIST, help="an assembled distribution to measure, a copy of an earlier build "
                        "for a before-and-after in the same hour (default: runtime/target/bridgeline)")
    parser.add_argument("--after-work", type=int, metavar="SECONDS", help="also measure a server after a million-line audit, "
                        "its database closing after SECONDS unused (at least 20)")
    args = parser.parse_args()
    if args.after_work is not None and args.after_work < 20:
        sys.exit("--after-work: expected at least 20 seconds, found %d" % args.after_work)
    DIST = os.path.abspath(args.distribution)
    EXTRA_FEATURES.extend(name for name in args.features.split(",") if name)
    if not os.path.isdir(DIST) or not os.path.isfile(PLUGIN):
        sys.exit("build the distribution first: mvn -B package")
    with tempfile.TemporaryDirectory(prefix="bl-bench-") as parent:
        print("Bridgeline runtime figures, %d runs each, %s, %d cores%s, %s" % (args.runs, os.uname().machine, os.cpu_count(),
              ", with " + ", ".join(EXTRA_FEATURES) if EXTRA_FEATURES else "", DIST))
        summary("cold start to ready (bundle cache kept)", cold_start(parent, args.runs, True), "ms")
        summary("cold start to ready (first boot, no cache)", cold_start(parent, args.runs, False), "ms")
        summary("server start to ready (bridgeline start)", server_start(parent, args.runs), "ms")
        summary("hot deploy: jar in deploy/ to registry", hot_deploy(parent, args.runs), "ms")
        first_start, first, restart, restarted = idle_rss(parent, args.runs)
        summary("idle resident memory 20 s after ready", first, "MiB")
        summary("the same, the server restarted", restarted, "MiB")
        summary("first start of a fresh copy (first boot)", first_start, "ms")
        summary("its restart (no exec ever ran)", restart, "ms")
        if args.after_work is not None:
            opened, closed = after_work(parent, args.runs, args.after_work)
            summary("after a 1 M-line audit, database open", opened, "MiB")
            summary("the same, once it closed while unused", closed, "MiB")


if __name__ == "__main__":
    main()
