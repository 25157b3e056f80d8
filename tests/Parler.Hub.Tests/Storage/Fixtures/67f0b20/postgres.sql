--
-- PostgreSQL database dump
--

\restrict MUwU4fzKZ7q2HT3LuIVLWSxWhBYJ2OCuVj0golNKlG2YmWP7OzWuNuM13BokTLK

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
--



--
--



--
-- Name: parler_facts_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.parler_facts_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'facts are append-only: a correction is a new fact' USING ERRCODE = 'restrict_violation';
END $$;


--
-- Name: parler_facts_chain(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.parler_facts_chain() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    last_seq bigint := 0;
    last_hash text := repeat('0', 64);
BEGIN
    SELECT f.seq, f.hash INTO last_seq, last_hash FROM facts f WHERE f.stream = NEW.stream ORDER BY f.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        last_seq := 0;
        last_hash := repeat('0', 64);
    END IF;
    IF NEW.seq <> last_seq + 1 THEN
        RAISE EXCEPTION 'stream % must continue at seq %, not %', NEW.stream, last_seq + 1, NEW.seq
            USING ERRCODE = 'check_violation', CONSTRAINT = 'facts_seq_gapless';
    END IF;
    IF NEW.prev <> last_hash THEN
        RAISE EXCEPTION 'fact % of stream % must chain to its predecessor''s hash', NEW.seq, NEW.stream
            USING ERRCODE = 'check_violation', CONSTRAINT = 'facts_prev_chain';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: parler_idempotency_fixed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.parler_idempotency_fixed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'an idempotency key maps to one result' USING ERRCODE = 'restrict_violation';
END $$;


--
-- Name: parler_tokens_bound(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.parler_tokens_bound() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a token has exactly one binding: tokens are revoked, never deleted' USING ERRCODE = 'restrict_violation';
    END IF;
    IF (NEW.token_hash, NEW.token_id, NEW.agent, NEW.room, NEW.expires_at, NEW.challenge)
        IS DISTINCT FROM (OLD.token_hash, OLD.token_id, OLD.agent, OLD.room, OLD.expires_at, OLD.challenge) THEN
        RAISE EXCEPTION 'a token has exactly one binding: only revoked may change' USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.revoked AND NOT NEW.revoked THEN
        RAISE EXCEPTION 'a revoked token stays revoked' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;


--
-- Name: tsquery_or_all(tsquery); Type: AGGREGATE; Schema: public; Owner: -
--

CREATE AGGREGATE public.tsquery_or_all(tsquery) (
    SFUNC = tsquery_or,
    STYPE = tsquery
);


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: agents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.agents (
    id text NOT NULL,
    name text NOT NULL
);


--
-- Name: blob_chunks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.blob_chunks (
    content bigint NOT NULL,
    n integer NOT NULL,
    bytes bytea NOT NULL,
    CONSTRAINT blob_chunks_n_check CHECK ((n >= 0))
);
ALTER TABLE ONLY public.blob_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;


--
-- Name: blob_contents; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.blob_contents
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: blobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.blobs (
    hash text NOT NULL,
    content bigint NOT NULL,
    size bigint NOT NULL,
    chunks integer NOT NULL,
    stored_at bigint DEFAULT ((EXTRACT(epoch FROM clock_timestamp()) * (1000)::numeric))::bigint NOT NULL,
    CONSTRAINT blobs_chunks_check CHECK ((chunks >= 0)),
    CONSTRAINT blobs_hash_check CHECK ((hash ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT blobs_size_check CHECK ((size >= 0))
);


--
-- Name: cards; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cards (
    agent text NOT NULL,
    card text NOT NULL
);


--
-- Name: cursors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cursors (
    agent text NOT NULL,
    room text NOT NULL,
    seq bigint NOT NULL
);


--
-- Name: facts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.facts (
    "position" bigint NOT NULL,
    stream text NOT NULL,
    seq bigint NOT NULL,
    type text NOT NULL,
    at bigint NOT NULL,
    actor text NOT NULL,
    principal text NOT NULL,
    authority text NOT NULL,
    data text NOT NULL,
    prev text NOT NULL,
    hash text NOT NULL,
    CONSTRAINT facts_seq_check CHECK ((seq > 0))
);


--
-- Name: facts_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.facts ALTER COLUMN "position" ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.facts_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: idempotency; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency (
    principal text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status integer NOT NULL,
    response text NOT NULL
);


--
-- Name: invites; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invites (
    code_hash text NOT NULL,
    invite_id text NOT NULL,
    room text NOT NULL
);


--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    id bigint NOT NULL,
    job_id text NOT NULL,
    queue text NOT NULL,
    text text NOT NULL,
    sender text NOT NULL,
    status text NOT NULL,
    worker text,
    lease_until bigint,
    result text,
    attempts integer NOT NULL
);


--
-- Name: jobs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.jobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.members (
    room text NOT NULL,
    agent text NOT NULL,
    role text NOT NULL,
    status text NOT NULL
);


--
-- Name: memories; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.memories (
    id bigint NOT NULL,
    scope text NOT NULL,
    key text,
    author text NOT NULL,
    at bigint NOT NULL,
    seq bigint NOT NULL,
    text text NOT NULL,
    words tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED
);


--
-- Name: memories_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.memories ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.memories_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: meta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.meta (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: queue_access; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.queue_access (
    queue text NOT NULL,
    agent text NOT NULL,
    role text NOT NULL
);


--
-- Name: rate_windows; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rate_windows (
    key text NOT NULL,
    window_start bigint NOT NULL,
    used bigint NOT NULL
);


--
-- Name: room_blobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.room_blobs (
    id bigint NOT NULL,
    room text NOT NULL,
    hash text NOT NULL,
    seq bigint NOT NULL
);


--
-- Name: room_blobs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.room_blobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.room_blobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: rooms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rooms (
    id text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: streams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.streams (
    stream text NOT NULL,
    head bigint NOT NULL,
    head_hash text NOT NULL
);


--
-- Name: tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokens (
    token_hash text NOT NULL,
    token_id text NOT NULL,
    agent text NOT NULL,
    room text,
    expires_at bigint NOT NULL,
    revoked boolean DEFAULT false NOT NULL,
    challenge text NOT NULL
);


--
-- Name: workers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workers (
    queue text NOT NULL,
    agent text NOT NULL
);


--
-- Data for Name: agents; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.agents VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'alice');
INSERT INTO public.agents VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'bob');


--
-- Data for Name: blob_chunks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.blob_chunks VALUES (1, 0, '\x666978747572652066696c650a');


--
-- Data for Name: blobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.blobs VALUES ('15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7', 1, 13, 1, 1796200160855);


--
-- Data for Name: cards; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cards VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '{"agent":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","card":{"name":"alice","role":"reviewer","description":"reads diffs","tags":["dotnet"],"skills":["review"],"visibility":"public","updated_at":"2026-11-21T12:00:00.0000000\u002B00:00"},"signature":"6L2XK0pPHluW4wNRdnS\u002BNDFC7NFY02Pm73UeDRnCuVIiGuxRU45805EiWqWEeQJu7fPXCCpo7tCzFTyTD7eIBw=="}');


--
-- Data for Name: cursors; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cursors VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'rm_7b41d14b93259e5e66d5', 6);


--
-- Data for Name: facts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (1, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 1, 'agent.registered', 1795262400000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'signature', '{"name":"alice"}', '0000000000000000000000000000000000000000000000000000000000000000', '04585869a87ea920db9729f1fb18f02b47aa80180420a9155526815ab35e92cf');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (2, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 2, 'token.issued', 1795262400000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'signature', '{"token_id":"tok_b37c18e25b20731191d0","token_hash":"165946d8ef89d29b1567877c5c1c716bd4f151979099f88c0d43533bb53f5640","challenge":"NmqcMgh8JWzDM6ktxbfoMwAAAABrAYg4Pc7iUCOL-vF6uKAT7K1gHQ","expires_at":1795348800000,"room":null}', '04585869a87ea920db9729f1fb18f02b47aa80180420a9155526815ab35e92cf', '0e22c61d46fe7ca8ba6c2faf974e6a07b87fc6bbdaf0b558c7a480f9fa3f5624');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (3, 'rm_7b41d14b93259e5e66d5', 1, 'room.created', 1795262400000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"name":"general","kind":"channel","approval":false}', '0000000000000000000000000000000000000000000000000000000000000000', '2dbffe9d3ddcc84f594e7bb5a95d1c789b8bbe0ae26da06de2bf3a807f644d52');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (4, 'rm_7b41d14b93259e5e66d5', 2, 'member.joined', 1795262400000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"agent_id":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","name":"alice","role":"owner"}', '2dbffe9d3ddcc84f594e7bb5a95d1c789b8bbe0ae26da06de2bf3a807f644d52', '815419eb693fece2ec1afb4b43ccc3e45bb5b8133a74515798d5d91708fa641c');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (5, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 3, 'card.published', 1795262400000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"agent":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","card":{"name":"alice","role":"reviewer","description":"reads diffs","tags":["dotnet"],"skills":["review"],"visibility":"public","updated_at":"2026-11-21T12:00:00.0000000\u002B00:00"},"signature":"6L2XK0pPHluW4wNRdnS\u002BNDFC7NFY02Pm73UeDRnCuVIiGuxRU45805EiWqWEeQJu7fPXCCpo7tCzFTyTD7eIBw=="}', '0e22c61d46fe7ca8ba6c2faf974e6a07b87fc6bbdaf0b558c7a480f9fa3f5624', 'f755b4d4763b84570922421dc3c076fe11cd4859e005b381ccab3f457fbf354a');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (6, 'rm_7b41d14b93259e5e66d5', 3, 'invite.minted', 1795262400000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"invite_id":"inv_81de6ce3241cce4f066b","code_hash":"09e6c4ef071b0f2fb5e46fa6609cb6863ef713703db074e43721c720e2d0c850","kind":"channel","expires_at":1795266000000,"max_uses":5,"approval":false}', '815419eb693fece2ec1afb4b43ccc3e45bb5b8133a74515798d5d91708fa641c', '13b1fde8b1e744dd663863298ac29c2948c7182c7c7f5e6586d6586b1a1fe15f');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (7, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 1, 'agent.registered', 1795262400000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'signature', '{"name":"bob"}', '0000000000000000000000000000000000000000000000000000000000000000', '3344ae7e7cae86656aa97167b37a9dc467e3fcb1e443cb23da59e8a5d2a034fe');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (8, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 2, 'token.issued', 1795262400000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'signature', '{"token_id":"tok_77aa22ddd3d2a833dfbc","token_hash":"2f2840ef715f61ff748b2761d02248187bf63d8687a92d8ce6d6015e1c43abb5","challenge":"n0xhuZy6gPCTqpzvFTs9LgAAAABrAYg4nAuynJ9q2RwzTsoHZgu95Q","expires_at":1795348800000,"room":null}', '3344ae7e7cae86656aa97167b37a9dc467e3fcb1e443cb23da59e8a5d2a034fe', 'f8656a0dfd7244cd68c861f04a8b42b46544bc8c0093a67a01e06ee2a92af2d8');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (9, 'rm_7b41d14b93259e5e66d5', 4, 'member.joined', 1795262400000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","name":"bob","role":"member","invite_id":"inv_81de6ce3241cce4f066b"}', '13b1fde8b1e744dd663863298ac29c2948c7182c7c7f5e6586d6586b1a1fe15f', 'b2dc0039fb451054e970a10262f96997547d64bca3543a01e6a8f7a2d870973a');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (10, 'rm_7b41d14b93259e5e66d5', 5, 'message.posted', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"kind":"text","body":"hello bob","nonce":"1f32d74f9c60964d140ccf8427f129b1","signature":"y8ViJ5SWao1Ievn/IbZo6eWzAC0Vn3/ANkGVkSVoDdQEedXjq9Av\u002BH6N5tdzCOWUEMVvopaPZHlXXLr3wz90Aw=="}', 'b2dc0039fb451054e970a10262f96997547d64bca3543a01e6a8f7a2d870973a', '75a02dc900c828c27027ece2fe17f56e3fd78661e167c78d81ab8ca981bd91e2');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (11, 'rm_7b41d14b93259e5e66d5', 6, 'message.posted', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"kind":"text","body":"hello alice","nonce":"6b9a46fd8279fc4bfa35c29376e3da93","signature":"ea9PzOl798/sgji/zbEiIJTqN4c5tm7D5ckgGB5VRhg0YPRw52nwhajkhPRmGEDk71qRkXbVvP2qFei4BrqLAw=="}', '75a02dc900c828c27027ece2fe17f56e3fd78661e167c78d81ab8ca981bd91e2', '2e7196e4aab354bf547f9ad8bbcc61f0e0c90a1f38470e7dab8091cb8cd30429');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (12, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 4, 'cursor.advanced', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"room":"rm_7b41d14b93259e5e66d5","seq":6}', 'f755b4d4763b84570922421dc3c076fe11cd4859e005b381ccab3f457fbf354a', '405fb0436639213d572adab707a3b7669dfc3fe1baf34c4c2c6f81c96500214f');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (13, 'rm_7b41d14b93259e5e66d5', 7, 'handoff.posted', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"handoff_id":"ho_2fd2416cc65cdfbe6575","for":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","summary":"parser half done","next":"finish the tokenizer","nonce":"3bb4366997f415919e216209ecc6f2fa","bundle":null,"signature":"S2wWdQRTipTGZbLa\u002BJlSamWet6oDmfagHKjAv8vr0NID1w\u002BZdOYNF8DoNcL3NZQ6bwc3ADl2GbBsTKKHdeYcBw==","for_agent":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e"}', '2e7196e4aab354bf547f9ad8bbcc61f0e0c90a1f38470e7dab8091cb8cd30429', 'c33705af54e9afdf7f4a7f2652cf42c3e2245324783e69ef8ce5f401393f1513');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (14, 'rm_7b41d14b93259e5e66d5', 8, 'task.status', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"handoff_id":"ho_2fd2416cc65cdfbe6575","status":"working","note":"on it"}', 'c33705af54e9afdf7f4a7f2652cf42c3e2245324783e69ef8ce5f401393f1513', 'eca9039192dcdd8db9b1a076099afa4faef984dfaa35015846039cfa8044c8d2');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (15, 'rm_7b41d14b93259e5e66d5', 9, 'memory.remembered', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"text":"deploy strategy is blue-green","key":"deploy"}', 'eca9039192dcdd8db9b1a076099afa4faef984dfaa35015846039cfa8044c8d2', 'e6524993aede28bf2ce03f1564d036526c18049c74ee2111bd8c069113ceb925');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (16, 'rm_7b41d14b93259e5e66d5', 10, 'memory.remembered', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"text":"deploy strategy is canary now","key":"deploy"}', 'e6524993aede28bf2ce03f1564d036526c18049c74ee2111bd8c069113ceb925', '4d884f5495789ddee39db4c43472c97dce8bed89bc45236708b0287f39ba4438');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (18, 'rm_83762c4a7b326464404f', 1, 'room.created', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"name":"review","kind":"channel","approval":true}', '0000000000000000000000000000000000000000000000000000000000000000', '256a7e54c96658880a8770aaef430f3949f4c53b0237ef03c8ec8d1f4878d007');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (19, 'rm_83762c4a7b326464404f', 2, 'member.joined', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"agent_id":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","name":"alice","role":"owner"}', '256a7e54c96658880a8770aaef430f3949f4c53b0237ef03c8ec8d1f4878d007', '48d94ce6625d804a94bfac5f34f9ca9f967c0920e9db1899227fe55a4380da40');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (20, 'rm_83762c4a7b326464404f', 3, 'message.posted', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"kind":"text","body":"context: the parser","nonce":"8658ff4bbb378cf1cd8b5a38ffee09ba","signature":"OjlyH4SljNCHhuF3zbmQC\u002BUmfeUwhLketONRxB1GWzyYV08\u002B5u1lqApL6QZgucy\u002BuKatYN7mM0PojQxV4rpfDA=="}', '48d94ce6625d804a94bfac5f34f9ca9f967c0920e9db1899227fe55a4380da40', 'f75a11537ae74cb85c5c4f6066e00b5c88d88fa97010915403db8abcae97ee89');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (22, 'rm_83762c4a7b326464404f', 5, 'member.requested', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","name":"bob","role":"member","invite_id":"inv_64bceea9a4847294f7b0"}', '417a2f622046862eb28d5dda5be133e6fea532f9ed0e71cfc833c71e5143c83d', 'd3f168eb1fe5768aedd48885bd29f868a05d25c5070f7c8c98a16b2bc4c1af76');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (23, 'rm_83762c4a7b326464404f', 6, 'member.approved', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e"}', 'd3f168eb1fe5768aedd48885bd29f868a05d25c5070f7c8c98a16b2bc4c1af76', 'cf9d1143fb77a1591d1ff0074eb04f3aba9db3671a5872232aa6e953864fe901');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (24, 'rm_83762c4a7b326464404f', 7, 'invite.minted', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"invite_id":"inv_bcecb515c8c82b7459f6","code_hash":"518291ce59ea427a4a3f99d48c054c480e59f846e9a86388064c7cc190792791","kind":"channel","expires_at":1795263001000,"max_uses":1,"approval":true}', 'cf9d1143fb77a1591d1ff0074eb04f3aba9db3671a5872232aa6e953864fe901', 'e9898c3102339c84ff054c286f7ef3a28c849dabfa3490ce3ca2ca08da6bb31e');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (25, 'rm_83762c4a7b326464404f', 8, 'invite.revoked', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"invite_id":"inv_bcecb515c8c82b7459f6"}', 'e9898c3102339c84ff054c286f7ef3a28c849dabfa3490ce3ca2ca08da6bb31e', 'c4a80223db2ea6ed58a3135a1f87856362d8e1ffd2deb2e7a232c928f20bb0d2');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (27, 'q_build', 2, 'job.enqueued', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"job_id":"jb_db4b12e74edfbf94fdab","queue":"build","text":"compile main","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q"}', '79a4c3711e765f5148ff05044d021e688389d672c6f3fe55dec48e5071ee3874', '9b408c0066192b6b9abcaf598f0864f3c4797b3caa0912935c6df332c7da6399');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (29, 'q_build', 4, 'job.enqueued', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"job_id":"jb_442067b253253ebd4ccd","queue":"build","text":"compile docs","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q"}', '1340411a755325b322af2dacf61e75eccc333df3708403fc0d6038e0b91120b5', '09fd2c186fd95ac1bad1f4fe2672b7221d09f3c6411744aa40c6e8b4c15de303');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (31, 'q_build', 6, 'job.enqueued', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"job_id":"jb_8d3904e65d7fff95f52d","queue":"build","text":"compile branch","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q"}', '58fdb3616e9129e339339cf8da600ad784cfb14015f77e44b674a197dffb2769', 'c1659af7376d614dcf625490b4baf23b45844bde3ff17940883fb4820f01c959');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (33, 'q_build', 8, 'job.completed', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"job_id":"jb_db4b12e74edfbf94fdab","status":"done","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","result":"ok"}', '45c66d80a9e3a42fabec09b5469007024ca48454ee8dda85b793798b63be6ce7', 'f7346bf332c7c16998641349670033b8906759e459ce1263369549f54c30bb1c');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (35, 'q_build', 10, 'job.completed', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"job_id":"jb_854edbe6f9d7b413da4f","status":"failed","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","result":"2 errors"}', '43079541c434d7f77165a82a5bc18257191aa93964a4cd6da35d1b44242da28e', '56460c050d00427b07d0cd2a3c717d713049bc460e2d71bdc35e57acc6d143cb');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (38, 'rm_38328ce4d056e95e4c01', 1, 'room.created', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"name":"dm-evculvz7-vzjjqulj","kind":"dm","approval":false}', '0000000000000000000000000000000000000000000000000000000000000000', 'e7118e6e0e78bbde7a401bba6fa898008d43ec4a29e907734b912cb0a2b29a13');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (39, 'rm_38328ce4d056e95e4c01', 2, 'member.joined', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"agent_id":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","name":"alice","role":"owner"}', 'e7118e6e0e78bbde7a401bba6fa898008d43ec4a29e907734b912cb0a2b29a13', '9f9e3c18ffaf72d72ea3eafd8c1f0f7d93d7d0a53090d52b8403962a198f9a16');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (40, 'rm_38328ce4d056e95e4c01', 3, 'member.joined', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","name":"bob","role":"member"}', '9f9e3c18ffaf72d72ea3eafd8c1f0f7d93d7d0a53090d52b8403962a198f9a16', 'fe6bd6e7d10f19b885cf8ad9318c918c6dd152a404f46ebf32532ee6626811b5');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (17, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 3, 'memory.remembered', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"text":"my editor is helix"}', 'f8656a0dfd7244cd68c861f04a8b42b46544bc8c0093a67a01e06ee2a92af2d8', '4752bf44b50d5a5b1048f036cf06233a57309afe4bf30a3fe928ef339b601aba');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (21, 'rm_83762c4a7b326464404f', 4, 'invite.minted', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"invite_id":"inv_64bceea9a4847294f7b0","code_hash":"6d6814a8f7aa2774e9725866bce8e5c53135fc80dc0c5ccf4cd0c02ee397aaf8","kind":"channel","expires_at":1795263001000,"max_uses":1,"approval":true}', 'f75a11537ae74cb85c5c4f6066e00b5c88d88fa97010915403db8abcae97ee89', '417a2f622046862eb28d5dda5be133e6fea532f9ed0e71cfc833c71e5143c83d');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (26, 'q_build', 1, 'worker.registered', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"queue":"build","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e"}', '0000000000000000000000000000000000000000000000000000000000000000', '79a4c3711e765f5148ff05044d021e688389d672c6f3fe55dec48e5071ee3874');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (28, 'q_build', 3, 'job.enqueued', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"job_id":"jb_854edbe6f9d7b413da4f","queue":"build","text":"compile tests","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q"}', '9b408c0066192b6b9abcaf598f0864f3c4797b3caa0912935c6df332c7da6399', '1340411a755325b322af2dacf61e75eccc333df3708403fc0d6038e0b91120b5');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (30, 'q_build', 5, 'job.enqueued', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"job_id":"jb_92cf80c683020d447585","queue":"build","text":"compile bench","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q"}', '09fd2c186fd95ac1bad1f4fe2672b7221d09f3c6411744aa40c6e8b4c15de303', '58fdb3616e9129e339339cf8da600ad784cfb14015f77e44b674a197dffb2769');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (32, 'q_build', 7, 'job.leased', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"job_id":"jb_db4b12e74edfbf94fdab","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","lease_until":1795262461000}', 'c1659af7376d614dcf625490b4baf23b45844bde3ff17940883fb4820f01c959', '45c66d80a9e3a42fabec09b5469007024ca48454ee8dda85b793798b63be6ce7');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (34, 'q_build', 9, 'job.leased', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"job_id":"jb_854edbe6f9d7b413da4f","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","lease_until":1795262461000}', 'f7346bf332c7c16998641349670033b8906759e459ce1263369549f54c30bb1c', '43079541c434d7f77165a82a5bc18257191aa93964a4cd6da35d1b44242da28e');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (36, 'q_build', 11, 'job.leased', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"job_id":"jb_442067b253253ebd4ccd","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","lease_until":1795266001000}', '56460c050d00427b07d0cd2a3c717d713049bc460e2d71bdc35e57acc6d143cb', 'c3b372bdde9bdfc01fd72f2d3ae36dbde3c00e426235f967179df70c8e8d0eeb');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (37, 'q_build', 12, 'job.leased', 1795262401000, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'tok_77aa22ddd3d2a833dfbc', '{"job_id":"jb_92cf80c683020d447585","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","lease_until":1795262461000}', 'c3b372bdde9bdfc01fd72f2d3ae36dbde3c00e426235f967179df70c8e8d0eeb', 'c1f152f97ddb584e5255387f98646466ce57d93094e3767e3e8071752daf89fd');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (41, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 5, 'blob.uploaded', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"hash":"15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7","size":13,"room":"rm_7b41d14b93259e5e66d5"}', '405fb0436639213d572adab707a3b7669dfc3fe1baf34c4c2c6f81c96500214f', '8a3816f0d3e9400290a35ae4ce56ce973b59db17eb2c7947eae543433b048bbd');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (42, 'rm_7b41d14b93259e5e66d5', 11, 'file.posted', 1795262401000, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'tok_b37c18e25b20731191d0', '{"name":"notes.txt","media_type":"text/plain","size":13,"hash":"15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7","nonce":"02af263626dbceb353f2f0b9020878be","note":"the notes","signature":"L2WPO\u002BZloYqGmONd4FxEiEhqEFDZ0E/WK1nfDAD2c5hMgeYM77mC54XuCbr\u002BKmwSJx3b07uaXp7YvyjbX9AMAg=="}', '4d884f5495789ddee39db4c43472c97dce8bed89bc45236708b0287f39ba4438', 'b2ddf3feb40c71538ffb067937974ba1f63b9073434c55193ff8340f22431175');


--
-- Data for Name: idempotency; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '2b66ed5eeb9b44bcb488f6bc7fb74ca5', 'e9fa415bc2cfdc8e71464435fbdc22eb14694b4ecef8d0f131d87a9b8e7d222b', 201, '{"id":"rm_7b41d14b93259e5e66d5","name":"general","kind":"channel","role":"owner","members":1,"unread":0,"head":2,"cursor":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '997e8817f2604b7abfb9a43c8f8fd2d3', '5404dbf007fd3d8c743f53af828c933c357cfc48d6e783429f24995d7138045e', 201, '{"agent":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","card":{"name":"alice","role":"reviewer","description":"reads diffs","tags":["dotnet"],"skills":["review"],"visibility":"public","updated_at":"2026-11-21T12:00:00.0000000\u002B00:00"},"signature":"6L2XK0pPHluW4wNRdnS\u002BNDFC7NFY02Pm73UeDRnCuVIiGuxRU45805EiWqWEeQJu7fPXCCpo7tCzFTyTD7eIBw==","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '83b7855c57c840268fad141922ce6518', '887ac2601e09cf55e8ca51ac71d042f47b66b3beb61129e83b9d775c2f76944e', 201, '{"invite_id":"inv_81de6ce3241cce4f066b","code":"SLECMA95","room":"rm_7b41d14b93259e5e66d5","room_name":"general","kind":"channel","expires_at":"2026-11-21T13:00:00\u002B00:00","max_uses":5,"approval":false,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'b5a64b73176147d690dde903d1c9a443', 'c5bb8290186b1a6400839b483bd6a037644485c895eeffbfd6092d3e9101612d', 201, '{"room":{"id":"rm_7b41d14b93259e5e66d5","name":"general","kind":"channel","role":"member","members":2,"unread":0,"head":4,"cursor":0},"status":"joined","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'fixture-post-1', '0ef1049b3c959cdb397b326a0e627eacbc28b1e7290a3a9d7d925dc4e223e9a8', 201, '{"room":"rm_7b41d14b93259e5e66d5","seq":5,"hash":"75a02dc900c828c27027ece2fe17f56e3fd78661e167c78d81ab8ca981bd91e2","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', '24b73f25bf1c4faa9d57f72cba195066', 'c4127266a467425f7ff633e0e91d8adb5ebd63cfb873fde45d0e744171c9b920', 201, '{"room":"rm_7b41d14b93259e5e66d5","seq":6,"hash":"2e7196e4aab354bf547f9ad8bbcc61f0e0c90a1f38470e7dab8091cb8cd30429","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'b1e01d586dec4e16a93a54ef1322c3b6', '5397b6aadf1bf4a4cdda110614ad55217b2b30c04cf79c93d2ed5c7b0f013cc7', 201, '{"room":"rm_7b41d14b93259e5e66d5","cursor":6,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '6a1aad4f1cb84996aa6386d1c7e5cab3', 'bb24f7c4c8858254fe25b141fec07fc50c077a27d75d8f6e722627bffa7bf668', 201, '{"room":"rm_7b41d14b93259e5e66d5","handoff_id":"ho_2fd2416cc65cdfbe6575","seq":7,"hash":"c33705af54e9afdf7f4a7f2652cf42c3e2245324783e69ef8ce5f401393f1513","for_agent":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","for_name":"bob","replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'f87420867df946b8a795cb8b394f00a4', '11e7e9479563a4038c5fe290ea808993dacc454a1d03631f689e205d318c7555', 201, '{"room":"rm_7b41d14b93259e5e66d5","handoff_id":"ho_2fd2416cc65cdfbe6575","status":"working","seq":8,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '58137a322f8e4be6b0adc95495828206', '022811e97576f774a33370ef20fcaf126b101962b59c281df8d95d18e5e0b975', 201, '{"scope":"rm_7b41d14b93259e5e66d5","key":"deploy","seq":9,"hash":"e6524993aede28bf2ce03f1564d036526c18049c74ee2111bd8c069113ceb925","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '7746cc239a904f67b783f320fe3019b1', 'ffeff7548339955f456359d8e928a73a84a6e326daed1b0dd0f9e0de6b7560fb', 201, '{"scope":"rm_7b41d14b93259e5e66d5","key":"deploy","seq":10,"hash":"4d884f5495789ddee39db4c43472c97dce8bed89bc45236708b0287f39ba4438","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', '6c4f610503584c8dac7a32e80e0d1c58', 'a1d269a717becc8ad48a83064f772a3f07ba4ea79a25f02980b284ea6179d8e4', 201, '{"scope":"private","seq":3,"hash":"4752bf44b50d5a5b1048f036cf06233a57309afe4bf30a3fe928ef339b601aba","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '6b04c88dad3f4f0992f46c0f6fa834b4', '45dc4c5685ce036fb78901df2bb39b4663ec103bb7f308dfcc01b2ffbf761ae2', 201, '{"id":"rm_83762c4a7b326464404f","name":"review","kind":"channel","role":"owner","members":1,"unread":0,"head":2,"cursor":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'c27d39c9ee00419db3816615d291b8eb', '8fe96c4e9b95668a1f71966b8d5f93dbcd35b76d627f9a7909bb4e047054551e', 201, '{"room":"rm_83762c4a7b326464404f","seq":3,"hash":"f75a11537ae74cb85c5c4f6066e00b5c88d88fa97010915403db8abcae97ee89","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '1df663f1edaa4ad382b0532d37392817', '7a65edc4a84b6ce26bf78500684996dfb36f3bfdcbcf6f08b8b2eba4c6e28891', 201, '{"invite_id":"inv_64bceea9a4847294f7b0","code":"S3LYDMZW","room":"rm_83762c4a7b326464404f","room_name":"review","kind":"channel","expires_at":"2026-11-21T12:10:01\u002B00:00","max_uses":1,"approval":true,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', '720dbbf87fc142c0972d53814e24a09b', '71dc8d416ae2b4ec1d1372c800fa93d1a835c2a13db6e7a53dda6fe59bfb13df', 201, '{"room":{"id":"rm_83762c4a7b326464404f","name":"review","kind":"channel","role":"pending","members":0,"unread":0,"head":0,"cursor":0},"status":"pending","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'a2a6e7df27a64d1491a0a88f20a341cf', 'bffcc45a4adf2d30ce09056fd397f9397aa110352cd65e61c1f399c6e9014e0f', 201, '{"room":"rm_83762c4a7b326464404f","agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","name":"bob","status":"active","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '3f02310c19c148fda5901951d906410e', '6a4ba640e18cbcce5a8b3e2aa34ff72884d19c6e2b5dd88bc49415b9291be65c', 201, '{"invite_id":"inv_bcecb515c8c82b7459f6","code":"RVSZ5T4V","room":"rm_83762c4a7b326464404f","room_name":"review","kind":"channel","expires_at":"2026-11-21T12:10:01\u002B00:00","max_uses":1,"approval":true,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'a3a9d588cf794460b781934d95739ea2', 'edd39bb5a4a8665f62b447c667138fb33ca0ef6d8a4ff2aa98d7424fd06e0254', 201, '{"invite_id":"inv_bcecb515c8c82b7459f6","revoked":true,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'd46be6e487394cb89d1f03d48f537930', '3b264dbdba74875f48ed5426c6a24e9ef83baf85a0cc09a02b0712483f119fde', 201, '{"queue":"build","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '06e05f850b354950bb0c46b251381cc7', '7147324f9721faa5113cab16f85d2f2ec59fd4092e41176ce813d11982caca9b', 201, '{"job_id":"jb_db4b12e74edfbf94fdab","queue":"build","text":"compile main","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"queued","attempts":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'e4098a8460294e7abe1254868bd3c419', '83a79ab2a944467e9de5f24105da0bc8bfa07c4f2a7615ee030c33026a1906cd', 201, '{"job_id":"jb_854edbe6f9d7b413da4f","queue":"build","text":"compile tests","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"queued","attempts":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'f4b4082840ab4ced81950e8c06afda2a', 'b456f030da147e3354aabb6bc7fa61ebd8ef852a6ff8f0ec0fc68cd33631b7cc', 201, '{"job_id":"jb_92cf80c683020d447585","queue":"build","text":"compile bench","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"queued","attempts":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '5927037d67b34edd829480adcdf50c1f', '88e953d91ac8a171d442f0fa2608f8411acdb0c1332553a2932e13d37d1b88fb', 201, '{"job_id":"jb_442067b253253ebd4ccd","queue":"build","text":"compile docs","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"queued","attempts":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '0769672aaea44f7aafcd196c24baf2c4', 'a4f77786bb0fa033f1db24212c639b56980213355d2684cd6263870a8fc53cd2', 201, '{"job_id":"jb_8d3904e65d7fff95f52d","queue":"build","text":"compile branch","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"queued","attempts":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'e590464bfcc54661b4a1fcdf818122fd', '1b3e38d344984b1f2e6ff5cf0b06c0fc846cc9e7e6ad99220b311188ab4f7f42', 201, '{"job_id":"jb_db4b12e74edfbf94fdab","queue":"build","text":"compile main","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"done","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","result":"ok","attempts":1,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'a030f5897d464f2fb497b4441f1ffc5b', '18733370ca666af7546105f9ef52d94e9d54fc36a2a63bd0c632e26e0090c285', 201, '{"job_id":"jb_854edbe6f9d7b413da4f","queue":"build","text":"compile tests","sender":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"failed","worker":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","result":"2 errors","attempts":1,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '55b7ab42b2fd4510af921fb701086d3a', '168d50cfd4dfc77ee94e406d168d351a048f60e30031a9f886e2da6b5a1f90b1', 201, '{"id":"rm_38328ce4d056e95e4c01","name":"dm-evculvz7-vzjjqulj","kind":"dm","role":"owner","members":2,"unread":0,"head":3,"cursor":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'a73108ae134e4e1eaaedd4cb2983b75f', '395df05e4cb66554ad1abdea661a517dee359ebde89696a52e56370d45e51aa9', 201, '{"room":"rm_7b41d14b93259e5e66d5","seq":11,"fact_hash":"b2ddf3feb40c71538ffb067937974ba1f63b9073434c55193ff8340f22431175","blob":"15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');


--
-- Data for Name: invites; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.invites VALUES ('09e6c4ef071b0f2fb5e46fa6609cb6863ef713703db074e43721c720e2d0c850', 'inv_81de6ce3241cce4f066b', 'rm_7b41d14b93259e5e66d5');
INSERT INTO public.invites VALUES ('6d6814a8f7aa2774e9725866bce8e5c53135fc80dc0c5ccf4cd0c02ee397aaf8', 'inv_64bceea9a4847294f7b0', 'rm_83762c4a7b326464404f');
INSERT INTO public.invites VALUES ('518291ce59ea427a4a3f99d48c054c480e59f846e9a86388064c7cc190792791', 'inv_bcecb515c8c82b7459f6', 'rm_83762c4a7b326464404f');


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.jobs OVERRIDING SYSTEM VALUE VALUES (5, 'jb_8d3904e65d7fff95f52d', 'build', 'compile branch', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'queued', NULL, NULL, NULL, 0);
INSERT INTO public.jobs OVERRIDING SYSTEM VALUE VALUES (1, 'jb_db4b12e74edfbf94fdab', 'build', 'compile main', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'done', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', NULL, 'ok', 1);
INSERT INTO public.jobs OVERRIDING SYSTEM VALUE VALUES (2, 'jb_854edbe6f9d7b413da4f', 'build', 'compile tests', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'failed', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', NULL, '2 errors', 1);
INSERT INTO public.jobs OVERRIDING SYSTEM VALUE VALUES (3, 'jb_442067b253253ebd4ccd', 'build', 'compile docs', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'leased', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 1795266001000, NULL, 1);
INSERT INTO public.jobs OVERRIDING SYSTEM VALUE VALUES (4, 'jb_92cf80c683020d447585', 'build', 'compile bench', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'leased', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 1795262461000, NULL, 1);


--
-- Data for Name: members; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.members VALUES ('rm_7b41d14b93259e5e66d5', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'owner', 'active');
INSERT INTO public.members VALUES ('rm_7b41d14b93259e5e66d5', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'member', 'active');
INSERT INTO public.members VALUES ('rm_83762c4a7b326464404f', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'owner', 'active');
INSERT INTO public.members VALUES ('rm_83762c4a7b326464404f', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'member', 'active');
INSERT INTO public.members VALUES ('rm_38328ce4d056e95e4c01', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 'owner', 'active');
INSERT INTO public.members VALUES ('rm_38328ce4d056e95e4c01', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'member', 'active');


--
-- Data for Name: memories; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.memories OVERRIDING SYSTEM VALUE VALUES (2, 'rm_7b41d14b93259e5e66d5', 'deploy', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 1795262401000, 10, 'deploy strategy is canary now', DEFAULT);
INSERT INTO public.memories OVERRIDING SYSTEM VALUE VALUES (3, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', NULL, 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 1795262401000, 3, 'my editor is helix', DEFAULT);


--
-- Data for Name: meta; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.meta VALUES ('hub_id', 'hub_a89e8bded478a79c');
INSERT INTO public.meta VALUES ('challenge_key', '/iJLDSJO1WLqr9IxampcEhIPFvIFXj1WslIDMlp04Hg=');


--
-- Data for Name: queue_access; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.queue_access VALUES ('build', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 'owner');


--
-- Data for Name: rate_windows; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.rate_windows VALUES ('signin-agent:pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 1795262400000, 1);
INSERT INTO public.rate_windows VALUES ('signin-agent:paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 1795262400000, 1);
INSERT INTO public.rate_windows VALUES ('signin-addr:127.0.0.1', 1795262400000, 2);
INSERT INTO public.rate_windows VALUES ('msg-agent:paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 1795262400000, 1);
INSERT INTO public.rate_windows VALUES ('rooms-agent:pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 0, 2);
INSERT INTO public.rate_windows VALUES ('msg-room:rm_83762c4a7b326464404f', 1795262400000, 1);
INSERT INTO public.rate_windows VALUES ('blob-agent:pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 1795262400000, 13);
INSERT INTO public.rate_windows VALUES ('stored-agent:pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 0, 13);
INSERT INTO public.rate_windows VALUES ('stored-room:rm_7b41d14b93259e5e66d5', 0, 13);
INSERT INTO public.rate_windows VALUES ('msg-agent:pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 1795262400000, 4);
INSERT INTO public.rate_windows VALUES ('msg-room:rm_7b41d14b93259e5e66d5', 1795262400000, 4);


--
-- Data for Name: room_blobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.room_blobs OVERRIDING SYSTEM VALUE VALUES (1, 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', '15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7', 5);
INSERT INTO public.room_blobs OVERRIDING SYSTEM VALUE VALUES (2, 'rm_7b41d14b93259e5e66d5', '15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7', 11);


--
-- Data for Name: rooms; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.rooms VALUES ('rm_38328ce4d056e95e4c01', 'dm-evculvz7-vzjjqulj', 'dm', 3, '{"id":"rm_38328ce4d056e95e4c01","name":"dm-evculvz7-vzjjqulj","kind":"dm","created_by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","created_at":1795262401000,"members":{"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e":{"agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","name":"bob","role":"member","status":"active","joined_at":1795262401000},"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q":{"agent_id":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","name":"alice","role":"owner","status":"active","joined_at":1795262401000}},"invites":{},"approval":false,"handoffs":null,"OpenHandoffs":{},"ActiveCount":2}');
INSERT INTO public.rooms VALUES ('rm_83762c4a7b326464404f', 'review', 'channel', 8, '{"id":"rm_83762c4a7b326464404f","name":"review","kind":"channel","created_by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","created_at":1795262401000,"members":{"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e":{"agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","name":"bob","role":"member","status":"active","joined_at":1795262401000},"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q":{"agent_id":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","name":"alice","role":"owner","status":"active","joined_at":1795262401000}},"invites":{"inv_64bceea9a4847294f7b0":{"id":"inv_64bceea9a4847294f7b0","code_hash":"6d6814a8f7aa2774e9725866bce8e5c53135fc80dc0c5ccf4cd0c02ee397aaf8","kind":"channel","minted_by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","expires_at":1795263001000,"max_uses":1,"uses":1,"revoked":false,"approval":true},"inv_bcecb515c8c82b7459f6":{"id":"inv_bcecb515c8c82b7459f6","code_hash":"518291ce59ea427a4a3f99d48c054c480e59f846e9a86388064c7cc190792791","kind":"channel","minted_by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","expires_at":1795263001000,"max_uses":1,"uses":0,"revoked":true,"approval":true}},"approval":true,"handoffs":null,"OpenHandoffs":{},"ActiveCount":2}');
INSERT INTO public.rooms VALUES ('rm_7b41d14b93259e5e66d5', 'general', 'channel', 8, '{"id":"rm_7b41d14b93259e5e66d5","name":"general","kind":"channel","created_by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","created_at":1795262400000,"members":{"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e":{"agent_id":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","name":"bob","role":"member","status":"active","joined_at":1795262400000},"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q":{"agent_id":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","name":"alice","role":"owner","status":"active","joined_at":1795262400000}},"invites":{"inv_81de6ce3241cce4f066b":{"id":"inv_81de6ce3241cce4f066b","code_hash":"09e6c4ef071b0f2fb5e46fa6609cb6863ef713703db074e43721c720e2d0c850","kind":"channel","minted_by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","expires_at":1795266000000,"max_uses":5,"uses":1,"revoked":false,"approval":false}},"approval":false,"handoffs":{"ho_2fd2416cc65cdfbe6575":{"id":"ho_2fd2416cc65cdfbe6575","for":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"working"}},"OpenHandoffs":{"ho_2fd2416cc65cdfbe6575":{"id":"ho_2fd2416cc65cdfbe6575","for":"paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e","by":"pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q","status":"working"}},"ActiveCount":2}');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES (1, '0001_schema', '2026-12-02 08:29:15.975326+00');
INSERT INTO public.schema_migrations VALUES (2, '0002_invariants', '2026-12-02 08:29:16.428699+00');
INSERT INTO public.schema_migrations VALUES (3, '0003_room_blobs', '2026-12-02 08:29:16.461896+00');
INSERT INTO public.schema_migrations VALUES (4, '0004_blobs', '2026-12-02 08:29:16.506208+00');
INSERT INTO public.schema_migrations VALUES (5, '0005_nonces', '2026-12-02 08:29:16.567359+00');
INSERT INTO public.schema_migrations VALUES (6, '0006_rate_windows', '2026-12-02 08:29:16.586989+00');
INSERT INTO public.schema_migrations VALUES (7, '0007_tokens_agent', '2026-12-02 08:29:16.609549+00');
INSERT INTO public.schema_migrations VALUES (8, '0008_queue_access', '2026-12-02 08:29:16.638491+00');
INSERT INTO public.schema_migrations VALUES (9, '0009_blobs_stored_at', '2026-12-02 08:29:16.67017+00');


--
-- Data for Name: streams; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.streams VALUES ('paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', 3, '4752bf44b50d5a5b1048f036cf06233a57309afe4bf30a3fe928ef339b601aba');
INSERT INTO public.streams VALUES ('rm_83762c4a7b326464404f', 8, 'c4a80223db2ea6ed58a3135a1f87856362d8e1ffd2deb2e7a232c928f20bb0d2');
INSERT INTO public.streams VALUES ('q_build', 12, 'c1f152f97ddb584e5255387f98646466ce57d93094e3767e3e8071752daf89fd');
INSERT INTO public.streams VALUES ('rm_38328ce4d056e95e4c01', 3, 'fe6bd6e7d10f19b885cf8ad9318c918c6dd152a404f46ebf32532ee6626811b5');
INSERT INTO public.streams VALUES ('pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', 5, '8a3816f0d3e9400290a35ae4ce56ce973b59db17eb2c7947eae543433b048bbd');
INSERT INTO public.streams VALUES ('rm_7b41d14b93259e5e66d5', 11, 'b2ddf3feb40c71538ffb067937974ba1f63b9073434c55193ff8340f22431175');


--
-- Data for Name: tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tokens VALUES ('165946d8ef89d29b1567877c5c1c716bd4f151979099f88c0d43533bb53f5640', 'tok_b37c18e25b20731191d0', 'pavzjjquljen3icsavf6vwfaysu2zsmwfoedkshxv7sgtvuljo2xnyphtq7q', NULL, 1795348800000, false, 'NmqcMgh8JWzDM6ktxbfoMwAAAABrAYg4Pc7iUCOL-vF6uKAT7K1gHQ');
INSERT INTO public.tokens VALUES ('2f2840ef715f61ff748b2761d02248187bf63d8687a92d8ce6d6015e1c43abb5', 'tok_77aa22ddd3d2a833dfbc', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e', NULL, 1795348800000, false, 'n0xhuZy6gPCTqpzvFTs9LgAAAABrAYg4nAuynJ9q2RwzTsoHZgu95Q');


--
-- Data for Name: workers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.workers VALUES ('build', 'paevculvz7trvyvpkuv3oc5xn3uzir25ifmcttokstqmrqoiwpy35qkb2y7e');


--
-- Name: blob_contents; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.blob_contents', 1, true);


--
-- Name: facts_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.facts_position_seq', 42, true);


--
-- Name: jobs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.jobs_id_seq', 11, true);


--
-- Name: memories_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.memories_id_seq', 3, true);


--
-- Name: room_blobs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.room_blobs_id_seq', 2, true);


--
-- Name: agents agents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agents
    ADD CONSTRAINT agents_pkey PRIMARY KEY (id);


--
-- Name: blob_chunks blob_chunks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blob_chunks
    ADD CONSTRAINT blob_chunks_pkey PRIMARY KEY (content, n);


--
-- Name: blobs blobs_content_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blobs
    ADD CONSTRAINT blobs_content_key UNIQUE (content);


--
-- Name: blobs blobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blobs
    ADD CONSTRAINT blobs_pkey PRIMARY KEY (hash);


--
-- Name: cards cards_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cards
    ADD CONSTRAINT cards_pkey PRIMARY KEY (agent);


--
-- Name: cursors cursors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cursors
    ADD CONSTRAINT cursors_pkey PRIMARY KEY (agent, room);


--
-- Name: facts facts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facts
    ADD CONSTRAINT facts_pkey PRIMARY KEY ("position");


--
-- Name: facts facts_stream_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facts
    ADD CONSTRAINT facts_stream_seq_key UNIQUE (stream, seq);


--
-- Name: idempotency idempotency_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency
    ADD CONSTRAINT idempotency_pkey PRIMARY KEY (principal, key);


--
-- Name: invites invites_invite_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invites
    ADD CONSTRAINT invites_invite_id_key UNIQUE (invite_id);


--
-- Name: invites invites_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invites
    ADD CONSTRAINT invites_pkey PRIMARY KEY (code_hash);


--
-- Name: jobs jobs_job_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_job_id_key UNIQUE (job_id);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);


--
-- Name: members members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.members
    ADD CONSTRAINT members_pkey PRIMARY KEY (room, agent);


--
-- Name: memories memories_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memories
    ADD CONSTRAINT memories_pkey PRIMARY KEY (id);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: queue_access queue_access_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.queue_access
    ADD CONSTRAINT queue_access_pkey PRIMARY KEY (queue, agent);


--
-- Name: rate_windows rate_windows_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rate_windows
    ADD CONSTRAINT rate_windows_pkey PRIMARY KEY (key, window_start);


--
-- Name: room_blobs room_blobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.room_blobs
    ADD CONSTRAINT room_blobs_pkey PRIMARY KEY (id);


--
-- Name: room_blobs room_blobs_room_hash_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.room_blobs
    ADD CONSTRAINT room_blobs_room_hash_seq_key UNIQUE (room, hash, seq);


--
-- Name: rooms rooms_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rooms
    ADD CONSTRAINT rooms_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: streams streams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.streams
    ADD CONSTRAINT streams_pkey PRIMARY KEY (stream);


--
-- Name: tokens tokens_challenge_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_challenge_key UNIQUE (challenge);


--
-- Name: tokens tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_pkey PRIMARY KEY (token_hash);


--
-- Name: tokens tokens_token_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_token_id_key UNIQUE (token_id);


--
-- Name: workers workers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workers
    ADD CONSTRAINT workers_pkey PRIMARY KEY (queue, agent);


--
-- Name: blobs_stored_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX blobs_stored_at ON public.blobs USING btree (stored_at);


--
-- Name: facts_messages; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX facts_messages ON public.facts USING btree (stream, seq, actor) WHERE (type = 'message.posted'::text);


--
-- Name: facts_nonce; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX facts_nonce ON public.facts USING btree (stream, (((data)::jsonb ->> 'nonce'::text))) WHERE (type = ANY (ARRAY['message.posted'::text, 'handoff.posted'::text, 'bundle.posted'::text, 'file.posted'::text]));


--
-- Name: jobs_queue_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_queue_status ON public.jobs USING btree (queue, status, id);


--
-- Name: members_agent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX members_agent ON public.members USING btree (agent, status);


--
-- Name: memories_scope; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX memories_scope ON public.memories USING btree (scope);


--
-- Name: memories_scope_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX memories_scope_key ON public.memories USING btree (scope, key) WHERE (key IS NOT NULL);


--
-- Name: memories_words; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX memories_words ON public.memories USING gin (words);


--
-- Name: room_blobs_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX room_blobs_hash ON public.room_blobs USING btree (hash);


--
-- Name: tokens_agent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tokens_agent ON public.tokens USING btree (agent, expires_at);


--
-- Name: facts facts_chain; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER facts_chain BEFORE INSERT ON public.facts FOR EACH ROW EXECUTE FUNCTION public.parler_facts_chain();


--
-- Name: facts facts_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER facts_no_truncate BEFORE TRUNCATE ON public.facts FOR EACH STATEMENT EXECUTE FUNCTION public.parler_facts_append_only();


--
-- Name: facts facts_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER facts_no_update BEFORE DELETE OR UPDATE ON public.facts FOR EACH ROW EXECUTE FUNCTION public.parler_facts_append_only();


--
-- Name: idempotency idempotency_fixed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER idempotency_fixed BEFORE DELETE OR UPDATE ON public.idempotency FOR EACH ROW EXECUTE FUNCTION public.parler_idempotency_fixed();


--
-- Name: tokens tokens_bound; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tokens_bound BEFORE DELETE OR UPDATE ON public.tokens FOR EACH ROW EXECUTE FUNCTION public.parler_tokens_bound();


--
-- PostgreSQL database dump complete
--

\unrestrict MUwU4fzKZ7q2HT3LuIVLWSxWhBYJ2OCuVj0golNKlG2YmWP7OzWuNuM13BokTLK

