// Where each page of the site lives, relative to output/review/.
export const INDEX = 'index.html'

/**
 * A document's page. doc_ids are [a-z0-9-], so a report catalogued as "index" would
 * overwrite the index: its page takes an underscore, which no other doc_id can have.
 */
export const documentFile = (docId: unknown) => (docId === 'index' ? 'index_.html' : `${docId}.html`)

/** A series page for any code: the codes are snake_case, anything else is replaced. */
export const seriesFile = (code: string) => `series/${code.replace(/[^A-Za-z0-9_-]/g, '_')}.html`
