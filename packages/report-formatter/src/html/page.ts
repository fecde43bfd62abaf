// The page shell: styles and the script that draws the charts from the embedded JSON.

/** Styles of the report (inline: the file must stand alone). */
export const PAGE_CSS = `
:root { color-scheme: light; --fg:#111827; --muted:#6b7280; --line:#e5e7eb; --card:#fff; --bg:#f3f4f6; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
header { padding:24px 32px 8px; }
header h1 { margin:0 0 4px; font-size:24px; }
header p { margin:0; color:var(--muted); }
main { padding:8px 32px 32px; display:grid; grid-template-columns:minmax(0, 1fr); gap:20px; }
section { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:18px 20px; }
section h2 { margin:0 0 12px; font-size:18px; }
.chart { position:relative; width:100%; margin:12px 0; }
.tiles { display:flex; flex-wrap:wrap; gap:12px; margin-bottom:12px; }
.tile { border:1px solid var(--line); border-radius:8px; padding:8px 14px; min-width:150px; }
.tile .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.tile .value { font-size:20px; font-weight:600; font-variant-numeric:tabular-nums; }
.table-wrap { overflow-x:auto; }
table { border-collapse:collapse; width:100%; font-variant-numeric:tabular-nums; }
th, td { padding:5px 10px; border-bottom:1px solid var(--line); text-align:left; white-space:nowrap; }
th { font-size:12px; color:var(--muted); text-transform:uppercase; letter-spacing:.03em; }
td.num, th.num { text-align:right; }
td.missing { color:var(--muted); font-style:italic; }
tr.best td { background:#ecfdf5; font-weight:600; }
tr.failed td { color:#991b1b; }
p.good { color:#065f46; font-weight:600; } p.bad { color:#991b1b; font-weight:600; }
p.warn { color:#92400e; background:#fffbeb; border-left:4px solid #f59e0b; padding:6px 10px; }
p.note { color:var(--muted); }
.title-row { display:flex; align-items:center; gap:16px; flex-wrap:wrap; }
.verdict { font-size:20px; font-weight:700; padding:4px 14px; border-radius:8px; text-transform:uppercase; letter-spacing:.04em; }
.verdict-passed { background:#d1fae5; color:#065f46; }
.verdict-thresholds-crossed { background:#fef3c7; color:#92400e; }
.verdict-failed, .verdict-interrupted { background:#fee2e2; color:#991b1b; }
.banner { margin:12px 0 4px; padding:10px 14px; border-radius:8px; background:#fee2e2; color:#7f1d1d; border-left:6px solid #dc2626; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:2px 16px; margin:12px 0 0; }
dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; font-variant-numeric:tabular-nums; }
section h3 { margin:16px 0 4px; font-size:15px; }
#from-another-run { border:2px solid #f59e0b; }
details summary { cursor:pointer; margin:12px 0 4px; font-weight:600; }
pre { overflow-x:auto; font-size:12px; line-height:1.35; background:#f9fafb; border:1px solid var(--line); border-radius:6px; padding:8px 10px; }
`;

/** Draws every chart described in the `chart-specs` JSON; registers the timeline-mark plugin. */
export const PAGE_SCRIPT = `(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  Chart.register({
    id: 'timelineMarks',
    afterDatasetsDraw: function (chart, _args, opts) {
      var items = (opts && opts.items) || [];
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      if (!x || !items.length) return;
      ctx.save();
      ctx.font = '11px sans-serif';
      ctx.setLineDash([4, 4]);
      items.forEach(function (m, i) {
        var px = x.getPixelForValue(m.atSeconds);
        if (px < area.left || px > area.right) return;
        // Phases (warm-up, plateau, cool-down) in violet, sweep levels in grey.
        ctx.strokeStyle = m.kind === 'phase' ? '#7c3aed' : '#6b7280';
        ctx.fillStyle = m.kind === 'phase' ? '#5b21b6' : '#374151';
        ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
        ctx.fillText(m.label, px + 3, area.top + 12 + (i % 3) * 12);
      });
      ctx.restore();
    }
  });
  specs.forEach(function (s) {
    var canvas = document.getElementById(s.id);
    if (canvas) new Chart(canvas, s.config);
  });
  // Milliseconds from navigation to every chart drawn (animation is off: drawn on creation).
  document.documentElement.setAttribute('data-charts-ms', String(Math.round(performance.now())));
  document.documentElement.setAttribute('data-charts', String(specs.length));
})();`;
