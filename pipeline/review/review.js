// The review pages' behaviour: the detail panel, sorting and filtering tables,
// and the index search. Plain DOM, no network; text is set with textContent only.
'use strict'

/** Fills the detail panel with [label, text] pairs, leaving out empty ones. */
function fillPanel(pairs) {
  const panel = document.getElementById('detail')
  if (!panel) return
  const list = panel.querySelector('dl')
  list.replaceChildren()
  for (const [label, text] of pairs) {
    if (!text) continue
    const term = document.createElement('dt')
    term.textContent = label
    const value = document.createElement('dd')
    value.textContent = text
    list.append(term, value)
  }
  panel.querySelector('#detail-hint').hidden = true
}

/** The panel reads the mention's row of the mentions table, so the data is written once. */
function showDetail(mark) {
  const row = document.getElementById(`row-${mark.dataset.mentionId}`)
  if (!row) return
  document.querySelectorAll('.m.selected').forEach((other) => other.classList.remove('selected'))
  mark.classList.add('selected')
  const labels = [...row.closest('table').querySelectorAll('thead th')].map((th) => th.dataset.label)
  fillPanel([...row.cells].map((cell, index) => [labels[index], cell.textContent]))
}

/** A number set aside has no row: the panel shows its text and the rule from its title. */
function showExclusion(span) {
  fillPanel([['原文 text', span.textContent], ['排除 set aside', span.title]])
}

function wireMentions() {
  for (const type of ['click', 'mouseover', 'focusin']) {
    document.addEventListener(type, (event) => {
      if (!(event.target instanceof Element)) return
      const mark = event.target.closest('[data-mention-id]')
      const exclusion = event.target.closest('.excl[data-rule]')
      if (mark) showDetail(mark)
      else if (exclusion) showExclusion(exclusion)
    })
  }
  const fromHash = () => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
    if (target && target.dataset.mentionId) showDetail(target)
  }
  window.addEventListener('hashchange', fromHash)
  fromHash()
}

function cellValue(row, column, type) {
  const text = row.cells[column]?.textContent ?? ''
  if (type !== 'number') return text
  const number = parseFloat(text.replace(/^[≥≤≈]/, ''))
  return Number.isNaN(number) ? -Infinity : number
}

function sortTable(table, button) {
  const th = button.closest('th')
  const ascending = th.getAttribute('aria-sort') !== 'ascending'
  table.querySelectorAll('thead th').forEach((other) => other.removeAttribute('aria-sort'))
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending')
  const column = Number(button.dataset.col)
  const type = button.dataset.type
  const body = table.tBodies[0]
  const rows = [...body.rows]
  rows.sort((a, b) => {
    const [left, right] = [cellValue(a, column, type), cellValue(b, column, type)]
    const order = type === 'number' ? left - right : left.localeCompare(right, 'zh-CN')
    return ascending ? order : -order
  })
  body.append(...rows)
}

function wireSorting() {
  document.querySelectorAll('table.sortable').forEach((table) => {
    table.querySelectorAll('thead button').forEach((button) => button.addEventListener('click', () => sortTable(table, button)))
  })
}

function showCount(rows) {
  const shown = document.getElementById('shown')
  if (shown) shown.textContent = String(rows.filter((row) => !row.hidden).length)
}

/** Mentions: every filter must match; kind and status exactly, code and text as substrings. */
function wireMentionFilters() {
  const table = document.getElementById('mentions')
  const inputs = [...document.querySelectorAll('[data-filter]')]
  if (!table || inputs.length === 0) return
  const rows = [...table.tBodies[0].rows]
  const apply = () => {
    const wanted = Object.fromEntries(inputs.map((input) => [input.dataset.filter, input.value.trim()]))
    for (const row of rows) {
      const exact = ['kind', 'status'].every((name) => !wanted[name] || row.dataset[name] === wanted[name])
      const partial = ['code', 'text'].every((name) => !wanted[name] || (row.dataset[name] ?? '').includes(wanted[name]))
      row.hidden = !(exact && partial)
    }
    showCount(rows)
  }
  inputs.forEach((input) => input.addEventListener('input', apply))
}

function wireSearch() {
  const input = document.getElementById('search')
  const table = input && document.getElementById(input.dataset.searchFor)
  if (!table) return
  const rows = [...table.tBodies[0].rows]
  input.addEventListener('input', () => {
    const words = input.value.trim().split(/\s+/).filter(Boolean)
    for (const row of rows) row.hidden = !words.every((word) => row.dataset.search.includes(word))
    showCount(rows)
  })
}

wireMentions()
wireSorting()
wireMentionFilters()
wireSearch()
