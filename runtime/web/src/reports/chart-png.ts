/**
 * The chart as a PNG file: recharts draws SVG, which a canvas can paint once it is an image.
 * Text in the SVG takes its font from the page's CSS, so the computed font is copied onto the
 * copy first; the white background keeps it readable in viewers that show transparency dark.
 */
export async function chartToPng(box: Element, fileName: string): Promise<boolean> {
  const svg = box.querySelector('svg.recharts-surface');
  if (!(svg instanceof SVGSVGElement)) return false;
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.fontFamily = getComputedStyle(svg).fontFamily;
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => { image.onload = () => resolve(); image.onerror = () => reject(new Error('chart image')); image.src = url; });
    const scale = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) return false;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(png);
    a.download = `${fileName}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
    return true;
  } finally {
    URL.revokeObjectURL(url);
  }
}
