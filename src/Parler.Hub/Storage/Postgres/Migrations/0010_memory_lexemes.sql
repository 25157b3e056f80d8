-- Memory's words as postings in (scope, lexeme, id) order (see PostgresMemories): a word's newest matches in a scope
-- are a short backward walk of this primary key, however common the word and however large the scope. The GIN index
-- on memories.words cannot give its matches newest first, so a common word made every recall read all of them.
-- The lexemes are the stored tsvector's, written with each memory row and deleted with it; built once here.
CREATE TABLE memory_lexemes (scope text NOT NULL, lexeme text NOT NULL, id bigint NOT NULL, PRIMARY KEY (scope, lexeme, id));
INSERT INTO memory_lexemes (scope, lexeme, id)
    SELECT m.scope, l, m.id FROM memories m, unnest(tsvector_to_array(m.words)) l;
-- Recall no longer reads the GIN index, and every remember paid to keep it.
DROP INDEX IF EXISTS memories_words;
