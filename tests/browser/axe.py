"""axe-core checks every page the browser tests load against WCAG 2.1 A and AA.

The vendored script is evaluated through the DevTools protocol, which the page's
Content-Security-Policy does not govern, once per document, after its `load` event.
It is on for the whole browser suite; KUDAPANMAS_AXE=0 turns it off for a quick local run
(test_aksesibilitas always has it).
"""

import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = """async (tags) => {
    try {
        if (!document.contentType.includes('html')) return null;
        const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
        const results = await axe.run(document, options);
        return results.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
        }));
    } finally {
        window.axeChecked = true;
    }
}"""
NUMBER = re.compile(r"\d+(\.\d+)*")


def enabled():
    return os.environ.get("KUDAPANMAS_AXE", "1") != "0"


def path_pattern(url):
    """/desa/63.11.06.2005/2026-11/ and /desa/63.11.06.2001/2026-10/ are the same page."""
    return NUMBER.sub("N", urlsplit(url).path)


class AxeWatch:
    """Runs axe after every load of the page and keeps each violation once per page pattern.

    A page reached by goto() or reload() is handed back only once it has been checked; one
    reached by a click is checked while the test goes on, unless the test leaves it first."""

    def __init__(self, page, evaluate):
        self.page = page
        self.evaluate = evaluate
        self.running = 0
        self.checked = 0
        self.checked_urls = set()
        self.found = {}
        page.on("load", self.check)
        for name in ("goto", "reload", "go_back"):
            setattr(page, name, self._then_checked(getattr(page, name)))

    def _then_checked(self, navigate):
        def navigate_then_checked(*args, **kwargs):
            response = navigate(*args, **kwargs)
            # Up to 45 s: a long page on a machine busy with other tests takes a while.
            for _ in range(450):
                try:
                    if self.evaluate("window.axeChecked === true"):
                        break
                except PlaywrightError:
                    pass
                self.page.wait_for_timeout(100)
            return response

        return navigate_then_checked

    def check(self, _page=None):
        self.running += 1
        try:
            url = self.page.url
            if self.evaluate("typeof axe") == "undefined":
                self.evaluate(AXE_SCRIPT.read_text())
            violations = self.evaluate(RUN, WCAG_TAGS)
        except PlaywrightError:  # the test moved on to the next page (or closed this one) meanwhile
            return
        finally:
            self.running -= 1
        if violations is None:
            return
        self.checked += 1
        self.checked_urls.add(url)
        for violation in violations:
            for node in violation["nodes"]:
                key = (path_pattern(url), violation["id"], node["target"])
                self.found.setdefault(key, (violation, node["summary"], url))

    def settle(self):
        """Let the checks still running in the page finish before the page is closed."""
        for _ in range(100):
            if not self.running:
                return
            try:
                self.page.wait_for_timeout(100)
            except PlaywrightError:
                return

    def report(self):
        lines = []
        for (_pattern, rule, target), (violation, summary, url) in sorted(self.found.items()):
            why = " ".join(summary.split())[:300]
            head = f"{rule} ({violation['impact']}): {violation['help']}"
            lines.append(f"{head}\n    {target}\n    {why}\n    at {url}")
        return lines


def report_all(watches):
    if log := os.environ.get("KUDAPANMAS_AXE_LOG"):  # one JSON line per violation, to count them by rule
        with open(log, "a") as out:
            for watch in watches:
                for (pattern, rule, target), (_violation, _summary, url) in watch.found.items():
                    row = {"rule": rule, "page": pattern, "target": target, "url": url}
                    out.write(json.dumps(row) + "\n")
    lines = [line for watch in watches for line in watch.report()]
    if lines:
        return f"axe-core found {len(lines)} WCAG 2.1 A/AA violation(s):\n" + "\n".join(lines)
    return ""
