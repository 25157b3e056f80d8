-- Memory's text index by scope (see SqliteMemories): each scope gets a number, and a memory's index row is
-- (number << 40) | memory id, so one scope's rows are one rowid range that FTS5 seeks to, newest last. This replaces
-- memory_search, where the scope was an indexed token whose posting list was as long as the scope and was read by
-- every query. The index is rebuilt once from the memories projection.
CREATE TABLE memory_scopes (n INTEGER PRIMARY KEY, scope TEXT NOT NULL UNIQUE);
INSERT INTO memory_scopes (scope) SELECT DISTINCT scope FROM memories ORDER BY scope;
CREATE VIRTUAL TABLE memory_words USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO memory_words (rowid, text)
    SELECT (s.n << 40) | m.id, m.text FROM memories m JOIN memory_scopes s ON s.scope = m.scope ORDER BY 1;
DROP TABLE memory_search;
