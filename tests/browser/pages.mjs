// pages.mjs - minigc's HTML pages in a real browser (Debian's chromium,
// driven by playwright-core; no browser is ever downloaded).
//
// Usage: node pages.mjs OUTDIR PAGE.html...
// Each page is loaded from its file URL in a fresh profile. A page fails
// on any console error or uncaught exception, on any request other than
// the page itself, on any dialog (alert() from an injected script). On
// every page: clicking a value highlights the same value in another
// column, the right arrow moves the current pass, clicking an escape-graph
// node highlights its source line, clicking a diagnostic opens its
// explanation. A screenshot of each page goes to OUTDIR. Prints one line
// per check and ends with "N passed, N failed".
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [outDir, ...pages] = process.argv.slice(2);
if (!outDir || pages.length === 0) {
  console.error("usage: node pages.mjs OUTDIR PAGE.html...");
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "minigc-chromium-"));

let passed = 0, failed = 0, skippedNodes = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`PASS ${name}`); }
  else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"],
  viewport: { width: 1600, height: 1000 },
});

try {
  for (const file of pages) {
    const url = pathToFileURL(path.resolve(file)).href;
    const name = path.basename(file, ".html");
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
    page.on("pageerror", (e) => problems.push("uncaught: " + e.message));
    page.on("dialog", async (d) => { problems.push("dialog: " + d.message()); await d.dismiss(); });
    page.on("request", (r) => { if (r.url() !== url) problems.push("request: " + r.url()); });
    await page.goto(url, { waitUntil: "load" });
    check(`${name}: one script element (minigc's)`,
          (await page.evaluate(() => document.scripts.length)) === 1);
    const hostile = "</script><script>alert(1)</script>";
    if (name === "xss.hostile")
      check(`${name}: the string literal ${hostile} shows as text`,
            (await page.evaluate(() => document.body.textContent)).includes(hostile));

    // A value that appears in at least two columns.
    const target = await page.evaluate(() => {
      const cols = Array.from(document.querySelectorAll(".pass"));
      for (let i = 0; i < cols.length; i++)
        for (const v of cols[i].querySelectorAll(".v"))
          for (let j = 0; j < cols.length; j++)
            if (j !== i && cols[j].querySelector(`.v[data-v="${v.dataset.v}"]`))
              return { v: v.dataset.v, col: i, other: j };
      return null;
    });
    if (target) {
      // Unfold the column first if the pass changed nothing.
      await page.locator(".pass").nth(target.col).evaluate((c) => c.classList.remove("collapsed"));
      await page.locator(".pass").nth(target.col).locator(`.v[data-v="${target.v}"]`).first().click();
      const lit = await page.evaluate((t) => {
        const other = document.querySelectorAll(".pass")[t.other];
        return !!other.querySelector(`.v.hl[data-v="${t.v}"]`);
      }, target);
      check(`${name}: v${target.v} highlighted in another column`, lit);
    } else {
      check(`${name}: a value in two columns`, false, "none found");
    }

    const before = await page.evaluate(() => document.body.dataset.current);
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.keyboard.press("ArrowRight");
    const after = await page.evaluate(() => document.body.dataset.current);
    const columns = await page.locator(".pass").count();
    check(`${name}: right arrow moves the current pass (${before} -> ${after})`,
          columns < 2 || Number(after) === Number(before) + 1);
    await page.keyboard.press("ArrowLeft");
    check(`${name}: left arrow moves back`, columns < 2 ||
          (await page.evaluate(() => document.body.dataset.current)) === before);

    // A node whose line is in this function's source (a batch's graph also
    // shows the functions analysed with it).
    const nodeIndex = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll("#escape g.node"));
      return all.findIndex((g) => g.dataset.line && document.getElementById("L" + g.dataset.line));
    });
    const node = page.locator("#escape g.node").nth(Math.max(nodeIndex, 0));
    const positioned = await page.locator("#escape g.node[data-line]").count();
    if (nodeIndex >= 0) {
      const line = await node.getAttribute("data-line");
      await node.click();
      const lit = await page.evaluate((l) => {
        const r = document.getElementById("L" + l);
        return !!r && r.classList.contains("hl");
      }, line);
      check(`${name}: escape-graph node -> source line ${line} highlighted`, lit);
    } else {
      // Nothing of this function's own in its graph (only the heap, or
      // only the enclosing function's locations): nothing to click.
      console.log(`SKIP ${name}: no escape-graph node on this function's lines (${positioned} elsewhere)`);
      skippedNodes++;
    }

    const diag = page.locator(".diag").first();
    if (await diag.count()) {
      await diag.click();
      check(`${name}: diagnostic opens`, await diag.evaluate((d) => d.classList.contains("open")));
    }

    // A diagnostic about a location the graph draws lights that node up.
    const pair = await page.evaluate(() => {
      const diags = Array.from(document.querySelectorAll(".diag"));
      for (let i = 0; i < diags.length; i++) {
        const pos = diags[i].dataset.line + ":" + diags[i].dataset.col;
        if (document.querySelector(`#escape g.node[data-pos="${pos}"]`)) return { i, pos };
      }
      return null;
    });
    if (pair) {
      await page.keyboard.press("Escape");
      await page.locator(".diag").nth(pair.i).click();
      check(`${name}: diagnostic at ${pair.pos} highlights its graph node`,
            await page.evaluate((p) => !!document.querySelector(`#escape g.node.hl[data-pos="${p}"]`), pair.pos));
    }

    await page.keyboard.press("c");
    await page.screenshot({ path: path.join(outDir, name + ".png"), fullPage: false });
    const graph = page.locator("#escape");
    if (await graph.count())
      await graph.screenshot({ path: path.join(outDir, name + ".escape.png") });

    // Presentation mode: the current column grows.
    await page.keyboard.press("ArrowRight");
    const widthBefore = await page.evaluate(() => document.querySelector(".pass.current").getBoundingClientRect().width);
    await page.keyboard.press("p");
    const present = await page.evaluate(() => ({
      on: document.body.classList.contains("present"),
      width: document.querySelector(".pass.current").getBoundingClientRect().width,
    }));
    check(`${name}: presentation mode enlarges the current column`, present.on && present.width >= widthBefore);
    await page.screenshot({ path: path.join(outDir, name + ".present.png"), fullPage: false });

    check(`${name}: no console error, network request or dialog`, problems.length === 0, problems.join("; "));
    await page.close();
  }
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
// Most pages must have had a node to click, or the graph lost its positions.
check(`escape-graph node clicks on ${pages.length - skippedNodes} of ${pages.length} pages`,
      skippedNodes * 4 <= pages.length);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
