// The one word segmenter of the pipeline: the parser splits runs of Han
// characters with it, and the indicator rules find word boundaries with it.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

export function segmentWords(text: string): Intl.Segments {
  return segmenter.segment(text)
}
