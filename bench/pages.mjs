// Lighthouse (mobile form factor, default simulated throttling) over a list of pages, one Chromium for all.
// Usage: node bench/pages.mjs <pages.tsv> <out.json> <tile-prefix>
// pages.tsv: one "name<TAB>language<TAB>url" a line. Prints one line per page as it goes.
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [pagesFile, outFile, tilePrefix] = process.argv.slice(2);
const pages = fs.readFileSync(pagesFile, 'utf8').split('\n').filter(Boolean).map(line => {
  const [name, language, url] = line.split('\t');
  return { name, language, url };
});

const launch = () => chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let chrome = await launch();
const results = [];
try {
  for (const page of pages) {
    let result;
    for (let attempt = 1; attempt <= 2 && !result; attempt++) {
      try {
        const run = await lighthouse(page.url, {
          port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const lhr = run.lhr;
        if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
        const requests = lhr.audits['network-requests']?.details?.items ?? [];
        const tiles = requests.filter(r => tilePrefix && r.url.startsWith(tilePrefix));
        const tileBytes = tiles.reduce((sum, r) => sum + (r.transferSize || 0), 0);
        const failedAccessibility = Object.values(lhr.audits)
          .filter(a => lhr.categories.accessibility.auditRefs.some(ref => ref.id === a.id && ref.weight > 0))
          .filter(a => a.score !== null && a.score < 1)
          .map(a => a.id);
        result = {
          ...page,
          performanceRuns: undefined,
          finalUrl: lhr.finalDisplayedUrl,
          status: requests.find(r => r.resourceType === 'Document')?.statusCode ?? null,
          bytes: Math.round(lhr.audits['total-byte-weight'].numericValue - tileBytes),
          tileBytes,
          requests: requests.length - tiles.length,
          performance: Math.round(lhr.categories.performance.score * 100),
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
          lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
          tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
          cls: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
          failedAccessibility,
          biggest: requests.filter(r => !tiles.includes(r))
            .sort((a, b) => (b.transferSize || 0) - (a.transferSize || 0)).slice(0, 4)
            .map(r => `${r.url.replace(/^https?:\/\/[^/]+/, '')} ${r.transferSize}`),
        };
      } catch (e) {
        if (attempt === 2) {
          result = { ...page, error: String(e.message || e) };
        } else {
          // Chromium may have gone away (a crash takes every later page with it): start a fresh one.
          try { await chrome.kill(); } catch (ignored) { /* already gone */ }
          chrome = await launch();
        }
      }
    }
    // A timing score depends on how busy the machine was: a page below the target is measured again,
    // up to BENCH_RUNS runs in all, and the median run (by performance score) counts.
    const runs = Number(process.env.BENCH_RUNS || 3);
    const minPerformance = Number(process.env.BENCH_MIN_PERFORMANCE || 95);
    if (!result.error && result.performance < minPerformance && runs > 1) {
      const all = [result];
      for (let again = 1; again < runs; again++) {
        try {
          const { lhr } = await lighthouse(page.url, {
            port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
          });
          if (!lhr.runtimeError) {
            all.push({ ...result, performance: Math.round(lhr.categories.performance.score * 100),
              fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
              lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
              tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue) });
          }
        } catch (e) {
          // a failed extra run leaves the runs that worked
        }
      }
      all.sort((a, b) => a.performance - b.performance);
      result = { ...all[Math.floor((all.length - 1) / 2)], performanceRuns: all.map(r => r.performance) };
    }
    results.push(result);
    console.log(result.error ? `${page.name}\t${page.language}\terror: ${result.error}`
      : `${page.name}\t${page.language}\t${result.bytes}\t${result.performance}\t${result.accessibility}` +
        (result.failedAccessibility.length ? `\t${result.failedAccessibility.join(',')}` : ''));
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
