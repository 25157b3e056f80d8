-- Which rooms each blob was shared into, and by which fact: the whole of blob readability.
CREATE TABLE room_blobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room text NOT NULL, hash text NOT NULL, seq bigint NOT NULL,
    UNIQUE (room, hash, seq));
CREATE INDEX room_blobs_hash ON room_blobs (hash);
