// timeline.js - events per period as bars stacked by quad class (Chart.js),
// with the mean intensity of all events as a line on a second axis.
import {api} from './util.js';
import {t, quadLabel} from './i18n.js';

export const QUAD_COLORS = {1: '#2e7d32', 2: '#1565c0', 3: '#ef6c00', 4: '#c62828'};

let chart = null;

function rowsByPeriod(res) {
  const m = new Map();
  for (const r of (res && res.rows) || []) m.set(r.period, r);
  return m;
}

// params: the filter parameters (without by); by: day|week|month|year.
export async function renderTimeline(canvas, params, by) {
  const quads = params.quad ? [Number(params.quad)] : [1, 2, 3, 4];
  const base = {...params, by};
  delete base.quad;
  const [all, ...perQuad] = await Promise.all([
    api('/api/aggregate', {...base, quad: params.quad}),
    ...quads.map((q) => api('/api/aggregate', {...base, quad: q})),
  ]);
  const allRows = rowsByPeriod(all);
  const quadRows = perQuad.map(rowsByPeriod);
  const periods = [...allRows.keys()].sort();
  const datasets = quads.map((q, i) => ({
    type: 'bar',
    label: quadLabel(q),
    data: periods.map((p) => (quadRows[i].get(p) || {}).count || 0),
    backgroundColor: QUAD_COLORS[q],
    stack: 'events',
    yAxisID: 'y',
    order: 2,
  }));
  datasets.push({
    type: 'line',
    label: t('mean_intensity'),
    data: periods.map((p) => {
      const r = allRows.get(p);
      return r && r.intensity_mean !== undefined && r.intensity_mean !== null ? r.intensity_mean : null;
    }),
    borderColor: '#37474f',
    backgroundColor: '#37474f',
    pointRadius: 3,
    spanGaps: true,
    yAxisID: 'y1',
    order: 1,
  });
  const rtl = document.documentElement.dir === 'rtl';
  const font = getComputedStyle(document.body).fontFamily;
  window.Chart.defaults.font.family = font;
  if (chart) chart.destroy();
  chart = new window.Chart(canvas, {
    data: {labels: periods, datasets},
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: {mode: 'index', intersect: false},
      plugins: {
        legend: {rtl, position: 'bottom', labels: {boxWidth: 12}},
        tooltip: {rtl, textDirection: rtl ? 'rtl' : 'ltr'},
      },
      scales: {
        x: {stacked: true, ticks: {autoSkip: true, maxRotation: 0}},
        y: {stacked: true, beginAtZero: true, ticks: {precision: 0},
          position: rtl ? 'right' : 'left', title: {display: true, text: t('events')}},
        y1: {min: -10, max: 10, grid: {drawOnChartArea: false},
          position: rtl ? 'left' : 'right', title: {display: true, text: t('intensity')}},
      },
    },
  });
  return {periods: periods.length, undated: all && all.undated, coarser: all && all.coarser};
}
