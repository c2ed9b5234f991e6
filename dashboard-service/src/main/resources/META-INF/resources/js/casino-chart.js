// <casino-chart>: draws the Chart.js configuration given as JSON in its "config" property.
// Chart.js itself comes from the WebJar (window.Chart); updates reuse the chart so it does not flicker.
class CasinoChart extends HTMLElement {
  set config(json) {
    this._config = JSON.parse(json);
    this.render();
  }

  connectedCallback() {
    if (!this.canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this.canvas = document.createElement('canvas');
      this.appendChild(this.canvas);
    }
    this.render();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }

  render() {
    if (!this.canvas || !this._config || !window.Chart) {
      return;
    }
    const config = this._config;
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    if (this.chart && this.chart.config.type === config.type) {
      this.chart.data = config.data;
      this.chart.options = config.options;
      this.chart.update('none');
    } else {
      if (this.chart) {
        this.chart.destroy();
      }
      this.chart = new window.Chart(this.canvas, config);
    }
  }
}

if (!customElements.get('casino-chart')) {
  customElements.define('casino-chart', CasinoChart);
}
