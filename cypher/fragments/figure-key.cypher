// The key under which figure `f` of a claim about event `e` can contradict another figure: the
// event (which fixes the period), the measure and the unit, trimmed and lower-cased; null (no key)
// when the figure has no measure. One FigureKey node per key (unique), linked from each figure by
// KEYED_AS, so the figures that can contradict one are found from it, not by scanning figures.
// U+001F separates the parts, so no event id, measure or unit can run into the next part.
e.id + '\u001F' + toLower(trim(f.measure)) + '\u001F' + coalesce(toLower(trim(f.unit)), '')
