// The aggregator's live page: polls the JSON under /live/ once a second and draws what it gets.
// Polling rather than a stream: the aggregator's small HTTP server serves one request at a time.
"use strict";

const POLL_MS = 1000;
const state = { selected: null, followNewest: true, since: 0, bars: [], charts: {}, jobStart: 0 };
const fmt = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// Status is said in words and a symbol, never by colour alone.
const STATUS = { running: "▶ running", succeeded: "✔ succeeded", failed: "✖ failed" };
const WORKER_STATE = { live: "● live", dead: "✖ dead", unknown: "? no heartbeat yet" };

function progressText(job) {
  const total = job.expected_chunks >= 0 ? fmt.format(job.expected_chunks) : "?";
  return `${fmt.format(job.merged_chunks)} / ${total} chunks · ${fmt.format(job.records)} records`;
}

function setProgress(node, job) {
  const done = job.status !== "running" ? 1
      : job.expected_chunks > 0 ? job.merged_chunks / job.expected_chunks : 0;
  node.querySelector(".bar").style.width = `${Math.min(100, done * 100)}%`;
  node.querySelector(".label").textContent = progressText(job);
}

function renderJobs(jobs) {
  if (state.followNewest || !jobs.some((job) => job.job === state.selected)) {
    const running = jobs.find((job) => job.status === "running");
    const pick = (running || jobs[0] || {}).job || null;
    if (pick !== state.selected) select(pick, true);
  }
  const list = $("#jobs");
  list.replaceChildren(...jobs.map((job) => {
    const progress = el("div", { class: "progress" }, el("div", { class: "bar" }), el("span", { class: "label" }));
    setProgress(progress, job);
    const button = el("button", { type: "button", "aria-pressed": String(job.job === state.selected) },
        el("span", { class: "id" }, job.job), " ",
        el("span", { class: `status ${job.status}` }, STATUS[job.status] || job.status),
        el("br"), el("span", { class: "muted" }, `${job.kind || ""} ${job.source || ""}`), progress);
    button.addEventListener("click", () => select(job.job, false));
    return el("li", {}, button);
  }));
  if (jobs.length === 0) list.replaceChildren(el("li", { class: "muted" }, "No job yet: start one with ./mq produce or ./mq run."));
}

function select(job, automatically) {
  state.followNewest = automatically;
  if (job === state.selected) return;
  state.selected = job;
  state.since = 0;
  state.bars = [];
  $("#job").hidden = job === null;
  if (job !== null) history.replaceState(null, "", `#job=${encodeURIComponent(job)}`);
}

function renderFigures(summary) {
  const figures = [["records", fmt.format(summary.records)], ["duplicates ignored", fmt.format(summary.duplicates)]];
  const report = summary.report;
  if (report) {
    figures.push(["verified", report.verified ? "✔ yes" : "✖ no"],
        ["end to end", `${fmt.format(report.end_to_end_ms / 1000)} s`],
        ["records/s", fmt.format(report.records_per_s)], ["MB/s", fmt.format(report.mb_per_s)],
        ["workers", String(report.workers)]);
    if (report.error) figures.push(["error", report.error]);
  }
  $("#figures").replaceChildren(...figures.map(([name, value]) => el("div", {}, el("dt", {}, name), el("dd", {}, value))));
}

function renderFiles(files) {
  const links = Object.entries(files).map(([name, href]) => el("a", { href }, name));
  $("#files").replaceChildren(...(links.length ? links : [el("span", { class: "muted" }, "Files appear when the job is over.")]));
}

function chartWidth(node) {
  return Math.max(260, node.clientWidth);
}

// Clock times on one line: uPlot's default two-line date labels collide on narrow charts.
const TIME_AXIS = { space: 70, values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleTimeString("en-GB")) };

function makeChart(id, series, axes, scales, height) {
  const node = document.getElementById(id);
  const chart = new uPlot({
    width: chartWidth(node), height, series: [{}, ...series], axes: [TIME_AXIS, ...axes],
    scales: { x: { time: true }, ...scales }, cursor: { sync: { key: "live" } }, legend: { live: true },
  }, [[], ...series.map(() => [])], node);
  state.charts[id] = chart;
  return chart;
}

function ensureCharts() {
  if (state.charts.throughput) return;
  const workers = { range: (u, min, max) => [0, Math.max(1, max) + 1] };
  makeChart("throughput", [
    { label: "records/s", stroke: "#1f5fbf", width: 2, scale: "r", points: { show: true, size: 4 } },
    { label: "live workers", stroke: "#b0531a", width: 2, dash: [8, 5], scale: "w",
      paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } },
  ], [{ scale: "r", label: "records/s", size: 70 }, { scale: "w", side: 1, label: "workers", grid: { show: false }, incrs: [1, 2, 5, 10, 20, 50] }],
  { w: workers }, 300);
  makeChart("megabytes", [{ label: "MB/s", stroke: "#1d7a3a", width: 2, points: { show: true, size: 4 } }],
      [{ label: "MB/s" }], {}, 140);
  makeChart("lag", [{ label: "lag (chunks)", stroke: "#6a3fa0", width: 2, dash: [2, 3], points: { show: true, size: 4 } }],
      [{ label: "chunks" }], {}, 140);
  window.addEventListener("resize", () => {
    for (const [id, chart] of Object.entries(state.charts)) {
      chart.setSize({ width: chartWidth(document.getElementById(id)), height: chart.height });
    }
    drawTimeline();
  });
}

function renderSeries(series) {
  ensureCharts();
  const t = series.t;
  state.charts.throughput.setData([t, series.records_per_s, series.live_workers]);
  state.charts.megabytes.setData([t, series.mb_per_s]);
  state.charts.lag.setData([t, series.lag]);
  for (const id of ["throughput", "megabytes", "lag"]) document.getElementById(id).dataset.points = String(t.length);
}

function ago(now, at) {
  if (at === null || at === undefined) return "never";
  return `${fmt.format(Math.max(0, (now - at) / 1000))} s ago`;
}

function renderWorkers(rows, now) {
  $("#workers tbody").replaceChildren(...rows.map((row) => {
    const cells = [
      ["worker", row.worker], ["state", WORKER_STATE[row.state] || row.state],
      ["chunks", fmt.format(row.chunks)], ["records", fmt.format(row.records)], ["busy", `${fmt.format(row.busy_pct)} %`],
      ["records_per_s", fmt.format(row.records_per_s)], ["last_heartbeat", ago(now, row.last_heartbeat_at)],
    ];
    // Each cell carries its column's heading: on a phone the rows become cards that show it (live.css).
    const headings = [...document.querySelectorAll("#workers thead th")].map((th) => th.textContent);
    const tr = el("tr", { "data-worker": row.worker, "data-state": row.state, "data-chunks": row.chunks,
      "data-records": row.records, class: row.state });
    cells.forEach(([field, text], i) => tr.append(el(i === 0 ? "th" : "td",
        { "data-field": field, "data-label": headings[i] || field, class: i >= 2 && i <= 5 ? "num" : "",
          ...(i === 0 ? { scope: "row" } : {}) }, text)));
    return tr;
  }));
  state.workerStates = Object.fromEntries(rows.map((row) => [row.worker, row.state]));
}

function drawTimeline() {
  const canvas = $("#timeline");
  const bars = state.bars;
  const lanes = [...new Set([...Object.keys(state.workerStates || {}), ...bars.map((bar) => bar.worker)])].sort();
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const laneHeight = 22;
  const height = Math.max(60, lanes.length * laneHeight + 24);
  canvas.style.height = `${height}px`;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  g.font = "12px system-ui, sans-serif";
  const labelWidth = Math.min(130, width * 0.3);
  const start = state.jobStart;
  const end = Math.max(start + 1000, ...bars.map((bar) => bar.done_at), state.now || 0);
  const x = (at) => labelWidth + (at - start) / (end - start) * (width - labelWidth - 8);
  lanes.forEach((worker, i) => {
    const y = i * laneHeight + 4;
    const dead = (state.workerStates || {})[worker] === "dead";
    g.fillStyle = i % 2 ? "#f4f6f8" : "#ffffff";
    g.fillRect(0, y, width, laneHeight);
    g.fillStyle = dead ? "#b3261e" : "#1b1f24";
    g.fillText(dead ? `${worker} ✖ dead` : worker, 4, y + 15);
  });
  bars.forEach((bar) => {
    const lane = lanes.indexOf(bar.worker);
    const left = x(bar.picked_up_at);
    g.fillStyle = "#1f5fbf";
    // A pixel of gap between bars, so back-to-back chunks stay countable.
    g.fillRect(left, lane * laneHeight + 8, Math.max(1.5, x(bar.done_at) - left - 1), laneHeight - 8);
  });
  g.fillStyle = "#5b6470";
  const seconds = (end - start) / 1000;
  const step = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600].find((s) => seconds / s <= 8) || 1200;
  for (let s = 0; s <= seconds; s += step) g.fillText(`${s} s`, x(start + s * 1000) - 6, height - 5);
}

async function poll() {
  try {
    const jobs = await (await fetch("/live/jobs", { cache: "no-store" })).json();
    renderJobs(jobs);
    if (state.selected) {
      const response = await fetch(`/live/jobs/${encodeURIComponent(state.selected)}?since=${state.since}`, { cache: "no-store" });
      if (response.ok) {
        const detail = await response.json();
        const summary = detail.summary;
        $("#job-id").textContent = summary.job;
        const status = $("#job-status");
        status.textContent = STATUS[summary.status] || summary.status;
        status.className = `status ${summary.status}`;
        setProgress($("#job-progress"), summary);
        renderFigures(summary);
        renderFiles(detail.files);
        renderSeries(detail.series);
        renderWorkers(detail.workers, detail.now);
        state.bars.push(...detail.chunks.bars);
        if (state.bars.length > 3000) state.bars.splice(0, state.bars.length - 3000);
        state.since = detail.chunks.next;
        state.jobStart = summary.started_at;
        state.now = summary.finished_at || detail.now;
        drawTimeline();
      }
    }
    $("#connection").textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    $("#connection").textContent = `⚠ cannot reach the aggregator (${error.message}); retrying`;
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

const fromHash = /#job=([^&]+)/.exec(location.hash);
if (fromHash) select(decodeURIComponent(fromHash[1]), false);
poll();
