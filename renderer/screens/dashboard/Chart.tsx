import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDataUrl } from './download';

// Only what the dashboard draws, so the bundle carries no other chart types.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * One chart on a canvas, sized by its box (CSS), redrawn when its option changes and when the
 * window resizes, and downloadable as a PNG for the head's own slides and reports.
 */
export function Chart({ option, label, fileName, onClick, height = 260 }: { option: EChartsCoreOption; label: string; fileName: string; onClick?: (params: { dataIndex: number; seriesIndex: number }) => void; height?: number }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params as { dataIndex: number; seriesIndex: number }));
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);

  const download = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (url) downloadDataUrl(`${fileName}.png`, url);
  };

  return (
    <figure className="dashboard-chart">
      <div ref={box} role="img" aria-label={label} style={{ height }} />
      <figcaption>
        <button type="button" className="link-button no-print" onClick={download}>
          {t('dashboard.downloadPng')}
        </button>
      </figcaption>
    </figure>
  );
}
