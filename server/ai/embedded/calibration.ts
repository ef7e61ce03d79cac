/**
 * Isotonic calibration (pool-adjacent-violators) of a raw score into the probability of being
 * right, fitted on held-out predictions. Each block's rate is shrunk as k/(n+1) so a small block
 * never claims certainty: above a threshold t, the calibrated value errs on the modest side.
 */
export type Calibrator = { points: { raw: number; p: number }[] };

export function fitCalibrator(samples: { raw: number; correct: boolean }[]): Calibrator {
  const sorted = [...samples].sort((a, b) => a.raw - b.raw);
  const blocks: { sum: number; n: number; raw: number }[] = [];
  for (const sample of sorted) {
    blocks.push({ sum: sample.correct ? 1 : 0, n: 1, raw: sample.raw });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.n < last.sum / last.n) break;
      blocks.splice(blocks.length - 2, 2, { sum: prev.sum + last.sum, n: prev.n + last.n, raw: last.raw });
    }
  }
  const points = blocks.map((block) => ({ raw: block.raw, p: block.sum / (block.n + 1) }));
  // Shrinking can make a small high block dip below a large lower one: keep the curve monotone by lowering.
  for (let i = points.length - 2; i >= 0; i -= 1) points[i]!.p = Math.min(points[i]!.p, points[i + 1]!.p);
  return { points };
}

/** The calibrated probability for `raw`: the rate of the first block whose upper edge reaches it. */
export function calibrate(calibrator: Calibrator, raw: number): number {
  const { points } = calibrator;
  if (points.length === 0) return Math.max(0, Math.min(1, raw));
  for (const point of points) if (raw <= point.raw) return round(point.p);
  return round(points[points.length - 1]!.p);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
