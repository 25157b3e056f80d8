--
-- PostgreSQL database dump
--

\restrict sDzSfBipj2N9FVIy89FhDTeuqXlAbqwnmClBT1Ar2xyooCRNpeSPup50WVsQhLF

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

INSERT INTO public.agents VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'alice');
INSERT INTO public.agents VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'bob');


--
-- Data for Name: blob_chunks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.blob_chunks VALUES (1, 0, '\x666978747572652066696c650a');


--
-- Data for Name: blobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.blobs VALUES ('15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7', 1, 13, 1);


--
-- Data for Name: cards; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cards VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '{"agent":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","card":{"name":"alice","role":"reviewer","description":"reads diffs","tags":["dotnet"],"skills":["review"],"visibility":"public","updated_at":"2026-11-21T12:00:00.0000000\u002B00:00"},"signature":"UYVT1jsdb/dHl0x5dQk9scGZecMle9RrkeaBcmRsqQRhKlJ6VWlFXyso8fVM0XykIeJsVpOgweQt1Wb3v\u002Bw5Dw=="}');


--
-- Data for Name: cursors; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cursors VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'rm_39ff2f52b2b410a11883', 6);


--
-- Data for Name: facts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (1, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 1, 'agent.registered', 1795262400000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'signature', '{"name":"alice"}', '0000000000000000000000000000000000000000000000000000000000000000', '4db97147cd4668fc4bd71a4fe54ad527de87b1a342e3587e9463633307e6e132');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (2, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 2, 'token.issued', 1795262400000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'signature', '{"token_id":"tok_0d5e0e0154c916bb309a","token_hash":"331cdc95537e40608204bd20eae55194de8b5979dde039eb0fcb14aa99972703","challenge":"Yh0G8n2ZtjY1qC0YxwGs7QAAAABrAYg4BBJIGG1Dy0sUcwtpOOWnCQ","room":null,"expires_at":1795348800000}', '4db97147cd4668fc4bd71a4fe54ad527de87b1a342e3587e9463633307e6e132', 'eeab3aba0762f99f1d5ffc9218cf599f37751aa1d49534d3ccf43cf561373ccd');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (3, 'rm_39ff2f52b2b410a11883', 1, 'room.created', 1795262400000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"name":"general","kind":"channel","approval":false}', '0000000000000000000000000000000000000000000000000000000000000000', 'c9244c717d08c5b8fcbb4b0c3880d139ee6bbc116f59f5e0f489f03381173ae8');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (4, 'rm_39ff2f52b2b410a11883', 2, 'member.joined', 1795262400000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"agent_id":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","name":"alice","role":"owner"}', 'c9244c717d08c5b8fcbb4b0c3880d139ee6bbc116f59f5e0f489f03381173ae8', '4f897b775daf8efeb5ce6ecc7cd409bc219886f2fba418e12ed2aeca3673611b');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (5, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 3, 'card.published', 1795262400000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"agent":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","card":{"name":"alice","role":"reviewer","description":"reads diffs","tags":["dotnet"],"skills":["review"],"visibility":"public","updated_at":"2026-11-21T12:00:00.0000000\u002B00:00"},"signature":"UYVT1jsdb/dHl0x5dQk9scGZecMle9RrkeaBcmRsqQRhKlJ6VWlFXyso8fVM0XykIeJsVpOgweQt1Wb3v\u002Bw5Dw=="}', 'eeab3aba0762f99f1d5ffc9218cf599f37751aa1d49534d3ccf43cf561373ccd', '18e632d5c535a3d23eea8171b3eada76bd408e6327d5c6e2a8ab0d64c6e65c2e');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (6, 'rm_39ff2f52b2b410a11883', 3, 'invite.minted', 1795262400000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"invite_id":"inv_d77cb4976df3a0a08011","code_hash":"ded2b5dcd15068026c6d8fb2b26be5e11bba2f1a10963b511b85ace7f235a010","kind":"channel","expires_at":1795266000000,"max_uses":5,"approval":false}', '4f897b775daf8efeb5ce6ecc7cd409bc219886f2fba418e12ed2aeca3673611b', '200d3b6374c6d78ec8ea2239fa3ee710cd14dcd064b5c18e1bf384e1b0ae8303');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (7, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 1, 'agent.registered', 1795262400000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'signature', '{"name":"bob"}', '0000000000000000000000000000000000000000000000000000000000000000', 'dfd24d75f160015f6d214d16a2cc85ff2b015d0fe828725aa95cdc446ab33864');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (8, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 2, 'token.issued', 1795262400000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'signature', '{"token_id":"tok_9ac072a9f28966c329bc","token_hash":"9dcd03de4ea5e69d2cf12013dd52a52c633e43358ed4ce931058338132786d92","challenge":"bbh4PURGRA0WwaUqRBoXCAAAAABrAYg4a9rsXWbzCxWtuEUMDtAurw","room":null,"expires_at":1795348800000}', 'dfd24d75f160015f6d214d16a2cc85ff2b015d0fe828725aa95cdc446ab33864', 'ea503daf76b325b83af29f069b15f39b697c3bc1cdaa2a73b68990387292459f');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (9, 'rm_39ff2f52b2b410a11883', 4, 'member.joined', 1795262400000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","name":"bob","role":"member","invite_id":"inv_d77cb4976df3a0a08011"}', '200d3b6374c6d78ec8ea2239fa3ee710cd14dcd064b5c18e1bf384e1b0ae8303', 'dc9352696b922a4ba171bf5bd4b92dfcc4af3452df41119a2553e39ff8b8f0b4');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (10, 'rm_39ff2f52b2b410a11883', 5, 'message.posted', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"kind":"text","body":"hello bob","nonce":"357d633cf4b314108f20afbca78c143d","signature":"Yn31HJ2uSfyjvJIeehXWHJxMQKf4Qzfo50sxNcLMKg2OSVff6B8Jhm7E0zMR2HfTKt\u002BiVlGBKcMDAhCmv3tjCw=="}', 'dc9352696b922a4ba171bf5bd4b92dfcc4af3452df41119a2553e39ff8b8f0b4', '8946ff79adc02b21dc943ee63490fea3e2fa904efe069284fd17c3e746d3dfe8');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (11, 'rm_39ff2f52b2b410a11883', 6, 'message.posted', 1795262401000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"kind":"text","body":"hello alice","nonce":"6dfc7523d84be484fe02b23917192793","signature":"WR6/zeOBePISD9RC1q1Dtps2Pf5o7y\u002BuznueKfUgu\u002BhY6XOXSgINKBFr3ITk9co4UwmiUNvlyIT6S85t71Q2CA=="}', '8946ff79adc02b21dc943ee63490fea3e2fa904efe069284fd17c3e746d3dfe8', '7ab460334f1d5d4b6a26044b365e87ae5f8b350cdc76f68c99b7319aaf5e5d0d');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (12, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 4, 'cursor.advanced', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"room":"rm_39ff2f52b2b410a11883","seq":6}', '18e632d5c535a3d23eea8171b3eada76bd408e6327d5c6e2a8ab0d64c6e65c2e', '91984293232a5d6933e472b18b507fe24d9df5b5b87d8476a2121fd755755931');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (13, 'rm_39ff2f52b2b410a11883', 7, 'handoff.posted', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"handoff_id":"ho_c87e4de29742bd53fdd1","for":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","summary":"parser half done","next":"finish the tokenizer","bundle":null,"nonce":"4861b37d3679461d4effeb6d5f6166e2","signature":"kUs9mpT7TQv6bRtIM8SJlIHMcETRT2SgfGN4UUXGfXEpnEmEiaAh\u002BYlyhOQY65TSigo/wzLBebPJSm\u002B6C8OUCQ=="}', '7ab460334f1d5d4b6a26044b365e87ae5f8b350cdc76f68c99b7319aaf5e5d0d', '1a54ac74a544734f6414c1cd056f378480b493acab611df184b37580e291861c');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (14, 'rm_39ff2f52b2b410a11883', 8, 'task.status', 1795262401000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"handoff_id":"ho_c87e4de29742bd53fdd1","status":"working","note":"on it"}', '1a54ac74a544734f6414c1cd056f378480b493acab611df184b37580e291861c', '6223b7e38d16ede3f26960af6afe1037b42c5d8eb5eb1e2d8479438d3dea18f6');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (15, 'rm_39ff2f52b2b410a11883', 9, 'memory.remembered', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"text":"deploy strategy is blue-green","key":"deploy"}', '6223b7e38d16ede3f26960af6afe1037b42c5d8eb5eb1e2d8479438d3dea18f6', '4d8a9e0df737c7f8fb4cf2ccf62e17e09cb0d72d471778c89dd2fe58127f8eb5');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (16, 'rm_39ff2f52b2b410a11883', 10, 'memory.remembered', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"text":"deploy strategy is canary now","key":"deploy"}', '4d8a9e0df737c7f8fb4cf2ccf62e17e09cb0d72d471778c89dd2fe58127f8eb5', '20e8afa14ad81f3a944a28433f594d3c0b9c77fc51687568e8d95755a98e76e1');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (17, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 3, 'memory.remembered', 1795262401000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"text":"my editor is helix"}', 'ea503daf76b325b83af29f069b15f39b697c3bc1cdaa2a73b68990387292459f', '60866ec8661902dbd7f71a62cb8e9569c160340ac4e573874476ec0020ca305b');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (18, 'rm_22e19963e90153782b76', 1, 'room.created', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"name":"review","kind":"channel","approval":true}', '0000000000000000000000000000000000000000000000000000000000000000', 'a8695498373a2f7a1f4c6edacf8635f07ad543f5901227c6c4871334a13bc7c8');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (19, 'rm_22e19963e90153782b76', 2, 'member.joined', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"agent_id":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","name":"alice","role":"owner"}', 'a8695498373a2f7a1f4c6edacf8635f07ad543f5901227c6c4871334a13bc7c8', '77657c9b004d242f41ee3fd9047005e82eeb5f28b6e904ab76eefe8550eaf144');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (21, 'rm_22e19963e90153782b76', 4, 'invite.minted', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"invite_id":"inv_c25340745b6d1eec7ad2","code_hash":"4aa02d41ee93d3ad55ea537a0495bae8ad8c251f9b6dc5d62ae335a9992c8237","kind":"channel","expires_at":1795263001000,"max_uses":1,"approval":true}', 'e5f2e69ed818fd6ab5dc847e6aa61918f7bc17dd95f17d9e9033a93d9b670813', '790aef73ec6f56854d9dfa75c009b27ebccbbc307d984df78cc310bf5afec4a1');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (23, 'rm_22e19963e90153782b76', 6, 'member.approved', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4"}', 'fb01b72d6188379dd7117e619415e24dcb0eb85f0fe6a5aa12321fed2be750f7', '267e1dfc754224b732a60544f623f7bc70195b9e7f0e92642bd5c7c88323ec7c');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (25, 'rm_22e19963e90153782b76', 8, 'invite.revoked', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"invite_id":"inv_78f8ff88b68011ecae87"}', 'a1778f2cd08b76755f023ad8e9ac965a442e088b8f97d21761c92392eeccf1fb', '06dcc963414b6d9d59e4c71a580af34e91d404e8572f325d699ca26094d6deb4');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (26, 'q_build', 1, 'worker.registered', 1795262401000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"queue":"build","worker":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4"}', '0000000000000000000000000000000000000000000000000000000000000000', 'dddc921943191059373e063f6f7f9f78aa9eca6de849c594821c393006840c00');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (27, 'q_build', 2, 'job.enqueued', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"job_id":"jb_257637425228deeafdb1","queue":"build","text":"compile main","sender":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa"}', 'dddc921943191059373e063f6f7f9f78aa9eca6de849c594821c393006840c00', '790da11872914b3dc4b935d23dd7dccb3d5474fab8db81f33514d1b17f5eeab3');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (28, 'q_build', 3, 'job.enqueued', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"job_id":"jb_f393a85e094d7400b009","queue":"build","text":"compile branch","sender":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa"}', '790da11872914b3dc4b935d23dd7dccb3d5474fab8db81f33514d1b17f5eeab3', '12d4cc9271d3640a54797d9514a5067ac06f66b2ec0ac070b3723d2c3028e06f');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (34, 'rm_39ff2f52b2b410a11883', 11, 'file.posted', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"name":"notes.txt","media_type":"text/plain","note":"the notes","size":13,"hash":"15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7","nonce":"277d012ff2d984e3ce7810a1f13ab69c","signature":"Sz7NSgfmu2s8KDbaqWGa2MdaMUJ7BYGOE9W4l8baebatgkGNK1jbp1vMv7tOwfCOHqVvCHumI75EfwRQBzqICw=="}', '20e8afa14ad81f3a944a28433f594d3c0b9c77fc51687568e8d95755a98e76e1', 'b0f04947824602095fccc5dc06245a6cd91759559807185d74e3d197ff58369a');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (20, 'rm_22e19963e90153782b76', 3, 'message.posted', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"kind":"text","body":"context: the parser","nonce":"da7c28259e50a393510692448f21b017","signature":"4ql0uUJQlxeWpt\u002BVZPockPYd8ctErtV9AlQ1qDfzi2y8xutWmn5bfzfs7GBoHM\u002BRQ9cAXLgV0c1m0Wb2xGbqBQ=="}', '77657c9b004d242f41ee3fd9047005e82eeb5f28b6e904ab76eefe8550eaf144', 'e5f2e69ed818fd6ab5dc847e6aa61918f7bc17dd95f17d9e9033a93d9b670813');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (22, 'rm_22e19963e90153782b76', 5, 'member.requested', 1795262401000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","name":"bob","role":"member","invite_id":"inv_c25340745b6d1eec7ad2"}', '790aef73ec6f56854d9dfa75c009b27ebccbbc307d984df78cc310bf5afec4a1', 'fb01b72d6188379dd7117e619415e24dcb0eb85f0fe6a5aa12321fed2be750f7');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (24, 'rm_22e19963e90153782b76', 7, 'invite.minted', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"invite_id":"inv_78f8ff88b68011ecae87","code_hash":"ecf0f84d8da08bda6ad4f3624c200aed7973177e5aa1f874faba95eac4dbbd6a","kind":"channel","expires_at":1795263001000,"max_uses":1,"approval":true}', '267e1dfc754224b732a60544f623f7bc70195b9e7f0e92642bd5c7c88323ec7c', 'a1778f2cd08b76755f023ad8e9ac965a442e088b8f97d21761c92392eeccf1fb');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (29, 'q_build', 4, 'job.leased', 1795262401000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"job_id":"jb_257637425228deeafdb1","worker":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","lease_until":1795262461000}', '12d4cc9271d3640a54797d9514a5067ac06f66b2ec0ac070b3723d2c3028e06f', '456cd98629f706bb80448d2d743d14a8998569a0859520ebf9f7c2c3ce4b7f22');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (30, 'q_build', 5, 'job.completed', 1795262401000, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'tok_9ac072a9f28966c329bc', '{"job_id":"jb_257637425228deeafdb1","status":"done","result":"ok","worker":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4"}', '456cd98629f706bb80448d2d743d14a8998569a0859520ebf9f7c2c3ce4b7f22', '749dbab024ea983cc12e438729f8466169bf37af1574e6e1e897b46e0646af8c');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (31, 'rm_2c071d9f9fe59c0b54ee', 1, 'room.created', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"name":"dm-axcbuuow-fbrz75ex","kind":"dm","approval":false}', '0000000000000000000000000000000000000000000000000000000000000000', '2bb04b3e02d0ce5214093cd013af5a1b5f2a90b94e0662a7bff1374fa6e83cf2');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (32, 'rm_2c071d9f9fe59c0b54ee', 2, 'member.joined', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"agent_id":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","name":"alice","role":"owner"}', '2bb04b3e02d0ce5214093cd013af5a1b5f2a90b94e0662a7bff1374fa6e83cf2', '4c62191443d5ba1cd6401d9edba19532b5d0b845870201b9b5e1f02823036a32');
INSERT INTO public.facts OVERRIDING SYSTEM VALUE VALUES (33, 'rm_2c071d9f9fe59c0b54ee', 3, 'member.joined', 1795262401000, 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'tok_0d5e0e0154c916bb309a', '{"agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","name":"bob","role":"member"}', '4c62191443d5ba1cd6401d9edba19532b5d0b845870201b9b5e1f02823036a32', 'c521e47ccd1b01355af9d0853b6ed87846a02a739826addb01bc7e6c9aa16f75');


--
-- Data for Name: idempotency; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '961f31c177ba40978b286a00de6544bd', 'e9fa415bc2cfdc8e71464435fbdc22eb14694b4ecef8d0f131d87a9b8e7d222b', 201, '{"id":"rm_39ff2f52b2b410a11883","name":"general","kind":"channel","role":"owner","members":1,"unread":0,"head":2,"cursor":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '47008e63734545c9b0d57cc631e59bef', '20bcc91bb358f37433bf12cd2f5b3695e5d6973dee661b72b7740107d93a7368', 201, '{"agent":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","card":{"name":"alice","role":"reviewer","description":"reads diffs","tags":["dotnet"],"skills":["review"],"visibility":"public","updated_at":"2026-11-21T12:00:00.0000000\u002B00:00"},"signature":"UYVT1jsdb/dHl0x5dQk9scGZecMle9RrkeaBcmRsqQRhKlJ6VWlFXyso8fVM0XykIeJsVpOgweQt1Wb3v\u002Bw5Dw==","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '17ae2dce0f2c4065876eca65ba4ac4c5', 'ce4f168e339a2d1931801365d295fa699eb18c6ee28202a171271b3a20eaeea9', 201, '{"invite_id":"inv_d77cb4976df3a0a08011","code":"ZPEHLDBG","room":"rm_39ff2f52b2b410a11883","room_name":"general","kind":"channel","expires_at":"2026-11-21T13:00:00\u002B00:00","max_uses":5,"approval":false,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', '3259ca2db0804d9bba3fb084ca9b52a9', 'da8fd49b5688a14ad8863136f23bbbf88c576be095ac29f8193a03cc76d5238c', 201, '{"room":{"id":"rm_39ff2f52b2b410a11883","name":"general","kind":"channel","role":"member","members":2,"unread":0,"head":4,"cursor":0},"status":"joined","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'fixture-post-1', 'ed3044b36e477678aa89d16cc08ae8c2eee845d572377ecbdd48d7a249ae8aa1', 201, '{"room":"rm_39ff2f52b2b410a11883","seq":5,"hash":"8946ff79adc02b21dc943ee63490fea3e2fa904efe069284fd17c3e746d3dfe8","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'f6ef7f3a52474b50be922c58d9e31062', 'b2cb8277d72c8a26d9cba712978e42c43f53f0ba0efe69435d3c77a5d71f1818', 201, '{"room":"rm_39ff2f52b2b410a11883","seq":6,"hash":"7ab460334f1d5d4b6a26044b365e87ae5f8b350cdc76f68c99b7319aaf5e5d0d","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'ae92f8255bbc4f46817292c67cdd26d6', '8f972a65c3db897cb4c835a463f8a366b6ebaa7d43c94660be746965ac542893', 201, '{"room":"rm_39ff2f52b2b410a11883","cursor":6,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'acbb18aeaa154c7c99d34d5c1cb9579b', 'fe2096ce7331d23e7844e237b6ac9a9fc61e6b764dd1fc551bf1fcc271dd7dc5', 201, '{"room":"rm_39ff2f52b2b410a11883","handoff_id":"ho_c87e4de29742bd53fdd1","seq":7,"hash":"1a54ac74a544734f6414c1cd056f378480b493acab611df184b37580e291861c","replayed":false}');
INSERT INTO public.idempotency VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', '87027f6e4a0b42fd897e6dfbb7bb05f7', 'cfbd3a978954813427108702bcd38d8b42d294d50d8659a7f6e84f68a8ffe6d6', 201, '{"room":"rm_39ff2f52b2b410a11883","handoff_id":"ho_c87e4de29742bd53fdd1","status":"working","seq":8,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '5f69d13225f54389a6ac6f2c82cf42a0', '9972fb8464dbcf5306da2ca053bc7399c953bbdf58c3ea5e713ee91db8ee02c1', 201, '{"scope":"rm_39ff2f52b2b410a11883","key":"deploy","seq":9,"hash":"4d8a9e0df737c7f8fb4cf2ccf62e17e09cb0d72d471778c89dd2fe58127f8eb5","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '6336dc8a0f65456d9cb6019a0c1b47ed', '7191d960df7922f527485d30b7791bf4162fd3f43320857918cd9c5e46e64133', 201, '{"scope":"rm_39ff2f52b2b410a11883","key":"deploy","seq":10,"hash":"20e8afa14ad81f3a944a28433f594d3c0b9c77fc51687568e8d95755a98e76e1","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'd428e07a7b864c3aacae3b85edf5b29d', 'a1d269a717becc8ad48a83064f772a3f07ba4ea79a25f02980b284ea6179d8e4', 201, '{"scope":"private","seq":3,"hash":"60866ec8661902dbd7f71a62cb8e9569c160340ac4e573874476ec0020ca305b","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '36afc2f793f04cbfa6f72765497f6b5f', '45dc4c5685ce036fb78901df2bb39b4663ec103bb7f308dfcc01b2ffbf761ae2', 201, '{"id":"rm_22e19963e90153782b76","name":"review","kind":"channel","role":"owner","members":1,"unread":0,"head":2,"cursor":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'cfdc3a5288e641b282e0657319ae9904', '53ed4b9c11927907abe8e9d02b0761555c2084108f717f6c9638ca725ffea0de', 201, '{"room":"rm_22e19963e90153782b76","seq":3,"hash":"e5f2e69ed818fd6ab5dc847e6aa61918f7bc17dd95f17d9e9033a93d9b670813","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '4ff5392b2b9e4384a467f86c682209fa', 'a834cdff29eac3e3084b562744d6d404aa31178b2e8bc29b5d66565f54cc7f5a', 201, '{"invite_id":"inv_c25340745b6d1eec7ad2","code":"EW9ZKU2R","room":"rm_22e19963e90153782b76","room_name":"review","kind":"channel","expires_at":"2026-11-21T12:10:01\u002B00:00","max_uses":1,"approval":true,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', '0543ee65ffc74dc1b53f9445b4e2cd4b', 'a9e4d737eece25e8fee72ff9d7358ba66ab585602beb2f2d150853dc926a7fa3', 201, '{"room":{"id":"rm_22e19963e90153782b76","name":"review","kind":"channel","role":"pending","members":0,"unread":0,"head":0,"cursor":0},"status":"pending","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '3a74b21a1d124f74b4b0ed2c09dd0670', '4796758d19c8517f889ebcd1a38c0ea75b51325fe5c46e190e2299b91f999446', 201, '{"room":"rm_22e19963e90153782b76","agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","name":"bob","status":"active","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'a93c7a92eaae46f49b724031ff2c269b', 'a3141c82c3f9ab2289132d68429bed2e82acbcb9557a95e4d59bf1f6aa99c882', 201, '{"invite_id":"inv_78f8ff88b68011ecae87","code":"54ZFQ6RN","room":"rm_22e19963e90153782b76","room_name":"review","kind":"channel","expires_at":"2026-11-21T12:10:01\u002B00:00","max_uses":1,"approval":true,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '67a6408882984d56bc7800fae9965c05', 'd3aaafc99deddd59de9e15fd3ca81fa0035a8d6b23ec36a42d5fe6a66fef058d', 201, '{"invite_id":"inv_78f8ff88b68011ecae87","revoked":true,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', '8593fde52ee240199dd1785a2f148300', '3b264dbdba74875f48ed5426c6a24e9ef83baf85a0cc09a02b0712483f119fde', 201, '{"queue":"build","worker":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'fe24c97e26994d9881b641d3775a9a23', '7147324f9721faa5113cab16f85d2f2ec59fd4092e41176ce813d11982caca9b', 201, '{"job_id":"jb_257637425228deeafdb1","queue":"build","text":"compile main","sender":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","status":"queued","attempts":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '56980604254f47dd92a8b5d917897425', 'a4f77786bb0fa033f1db24212c639b56980213355d2684cd6263870a8fc53cd2', 201, '{"job_id":"jb_f393a85e094d7400b009","queue":"build","text":"compile branch","sender":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","status":"queued","attempts":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', '00b08e4b35364495900b110ee6457e1c', 'ffaccf2187f66b42da4f3d3397316456b47c3c93e91dbd05150096d36acfd348', 201, '{"job_id":"jb_257637425228deeafdb1","queue":"build","text":"compile main","sender":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","status":"done","worker":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","result":"ok","attempts":1,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', '7e8a23ac38b94da5ae50568549d00849', '8fc7bca26ce8dc96fe1cab993d3e588d10e9b01f176ac1bf2ee920f2e3787da5', 201, '{"id":"rm_2c071d9f9fe59c0b54ee","name":"dm-axcbuuow-fbrz75ex","kind":"dm","role":"owner","members":2,"unread":0,"head":3,"cursor":0,"replayed":false}');
INSERT INTO public.idempotency VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'cb729477f9634b91801658123ba2e6f5', 'a07d15b4b3fd8bcea1b49b29930f00ab46a69c9141b56c203799e625e3adea6b', 201, '{"room":"rm_39ff2f52b2b410a11883","seq":11,"fact_hash":"b0f04947824602095fccc5dc06245a6cd91759559807185d74e3d197ff58369a","blob":"15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7","at":"2026-11-21T12:00:01\u002B00:00","replayed":false}');


--
-- Data for Name: invites; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.invites VALUES ('ded2b5dcd15068026c6d8fb2b26be5e11bba2f1a10963b511b85ace7f235a010', 'inv_d77cb4976df3a0a08011', 'rm_39ff2f52b2b410a11883');
INSERT INTO public.invites VALUES ('4aa02d41ee93d3ad55ea537a0495bae8ad8c251f9b6dc5d62ae335a9992c8237', 'inv_c25340745b6d1eec7ad2', 'rm_22e19963e90153782b76');
INSERT INTO public.invites VALUES ('ecf0f84d8da08bda6ad4f3624c200aed7973177e5aa1f874faba95eac4dbbd6a', 'inv_78f8ff88b68011ecae87', 'rm_22e19963e90153782b76');


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.jobs OVERRIDING SYSTEM VALUE VALUES (2, 'jb_f393a85e094d7400b009', 'build', 'compile branch', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'queued', NULL, NULL, NULL, 0);
INSERT INTO public.jobs OVERRIDING SYSTEM VALUE VALUES (1, 'jb_257637425228deeafdb1', 'build', 'compile main', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'done', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', NULL, 'ok', 1);


--
-- Data for Name: members; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.members VALUES ('rm_39ff2f52b2b410a11883', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'owner', 'active');
INSERT INTO public.members VALUES ('rm_39ff2f52b2b410a11883', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'member', 'active');
INSERT INTO public.members VALUES ('rm_22e19963e90153782b76', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'owner', 'active');
INSERT INTO public.members VALUES ('rm_22e19963e90153782b76', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'member', 'active');
INSERT INTO public.members VALUES ('rm_2c071d9f9fe59c0b54ee', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 'owner', 'active');
INSERT INTO public.members VALUES ('rm_2c071d9f9fe59c0b54ee', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 'member', 'active');


--
-- Data for Name: memories; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.memories OVERRIDING SYSTEM VALUE VALUES (2, 'rm_39ff2f52b2b410a11883', 'deploy', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 1795262401000, 10, 'deploy strategy is canary now', DEFAULT);
INSERT INTO public.memories OVERRIDING SYSTEM VALUE VALUES (3, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', NULL, 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 1795262401000, 3, 'my editor is helix', DEFAULT);


--
-- Data for Name: meta; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.meta VALUES ('hub_id', 'hub_5c2238a285212b59');
INSERT INTO public.meta VALUES ('challenge_key', '+GHXDST+QHdY/BkXhfWs1aO1/M11tTOTlnBMbQN2+ho=');


--
-- Data for Name: room_blobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.room_blobs OVERRIDING SYSTEM VALUE VALUES (1, 'rm_39ff2f52b2b410a11883', '15ec45af770df8149e77f46b76b1eb40499bb1cc12275a8984a8216c0de168b7', 11);


--
-- Data for Name: rooms; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.rooms VALUES ('rm_2c071d9f9fe59c0b54ee', 'dm-axcbuuow-fbrz75ex', 'dm', 3, '{"id":"rm_2c071d9f9fe59c0b54ee","name":"dm-axcbuuow-fbrz75ex","kind":"dm","created_by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","created_at":1795262401000,"members":{"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4":{"agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","name":"bob","role":"member","status":"active","joined_at":1795262401000},"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa":{"agent_id":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","name":"alice","role":"owner","status":"active","joined_at":1795262401000}},"invites":{},"approval":false,"handoffs":null,"OpenHandoffs":{},"ActiveCount":2}');
INSERT INTO public.rooms VALUES ('rm_22e19963e90153782b76', 'review', 'channel', 8, '{"id":"rm_22e19963e90153782b76","name":"review","kind":"channel","created_by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","created_at":1795262401000,"members":{"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4":{"agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","name":"bob","role":"member","status":"active","joined_at":1795262401000},"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa":{"agent_id":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","name":"alice","role":"owner","status":"active","joined_at":1795262401000}},"invites":{"inv_c25340745b6d1eec7ad2":{"id":"inv_c25340745b6d1eec7ad2","code_hash":"4aa02d41ee93d3ad55ea537a0495bae8ad8c251f9b6dc5d62ae335a9992c8237","kind":"channel","minted_by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","expires_at":1795263001000,"max_uses":1,"uses":1,"revoked":false,"approval":true},"inv_78f8ff88b68011ecae87":{"id":"inv_78f8ff88b68011ecae87","code_hash":"ecf0f84d8da08bda6ad4f3624c200aed7973177e5aa1f874faba95eac4dbbd6a","kind":"channel","minted_by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","expires_at":1795263001000,"max_uses":1,"uses":0,"revoked":true,"approval":true}},"approval":true,"handoffs":null,"OpenHandoffs":{},"ActiveCount":2}');
INSERT INTO public.rooms VALUES ('rm_39ff2f52b2b410a11883', 'general', 'channel', 8, '{"id":"rm_39ff2f52b2b410a11883","name":"general","kind":"channel","created_by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","created_at":1795262400000,"members":{"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4":{"agent_id":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","name":"bob","role":"member","status":"active","joined_at":1795262400000},"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa":{"agent_id":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","name":"alice","role":"owner","status":"active","joined_at":1795262400000}},"invites":{"inv_d77cb4976df3a0a08011":{"id":"inv_d77cb4976df3a0a08011","code_hash":"ded2b5dcd15068026c6d8fb2b26be5e11bba2f1a10963b511b85ace7f235a010","kind":"channel","minted_by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","expires_at":1795266000000,"max_uses":5,"uses":1,"revoked":false,"approval":false}},"approval":false,"handoffs":{"ho_c87e4de29742bd53fdd1":{"id":"ho_c87e4de29742bd53fdd1","for":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","status":"working"}},"OpenHandoffs":{"ho_c87e4de29742bd53fdd1":{"id":"ho_c87e4de29742bd53fdd1","for":"pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4","by":"paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa","status":"working"}},"ActiveCount":2}');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES (1, '0001_schema', '2026-12-01 23:29:24.056509+00');
INSERT INTO public.schema_migrations VALUES (2, '0002_invariants', '2026-12-01 23:29:24.237326+00');
INSERT INTO public.schema_migrations VALUES (3, '0003_room_blobs', '2026-12-01 23:29:24.243592+00');
INSERT INTO public.schema_migrations VALUES (4, '0004_blobs', '2026-12-01 23:29:24.256468+00');


--
-- Data for Name: streams; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.streams VALUES ('paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', 4, '91984293232a5d6933e472b18b507fe24d9df5b5b87d8476a2121fd755755931');
INSERT INTO public.streams VALUES ('pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', 3, '60866ec8661902dbd7f71a62cb8e9569c160340ac4e573874476ec0020ca305b');
INSERT INTO public.streams VALUES ('rm_22e19963e90153782b76', 8, '06dcc963414b6d9d59e4c71a580af34e91d404e8572f325d699ca26094d6deb4');
INSERT INTO public.streams VALUES ('q_build', 5, '749dbab024ea983cc12e438729f8466169bf37af1574e6e1e897b46e0646af8c');
INSERT INTO public.streams VALUES ('rm_2c071d9f9fe59c0b54ee', 3, 'c521e47ccd1b01355af9d0853b6ed87846a02a739826addb01bc7e6c9aa16f75');
INSERT INTO public.streams VALUES ('rm_39ff2f52b2b410a11883', 11, 'b0f04947824602095fccc5dc06245a6cd91759559807185d74e3d197ff58369a');


--
-- Data for Name: tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tokens VALUES ('331cdc95537e40608204bd20eae55194de8b5979dde039eb0fcb14aa99972703', 'tok_0d5e0e0154c916bb309a', 'paaxcbuuowfiuqjhthgvhfl5pzcqs47x4pwyd66pizn7dxo7j5z5xzuocfqa', NULL, 1795348800000, false, 'Yh0G8n2ZtjY1qC0YxwGs7QAAAABrAYg4BBJIGG1Dy0sUcwtpOOWnCQ');
INSERT INTO public.tokens VALUES ('9dcd03de4ea5e69d2cf12013dd52a52c633e43358ed4ce931058338132786d92', 'tok_9ac072a9f28966c329bc', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4', NULL, 1795348800000, false, 'bbh4PURGRA0WwaUqRBoXCAAAAABrAYg4a9rsXWbzCxWtuEUMDtAurw');


--
-- Data for Name: workers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.workers VALUES ('build', 'pafbrz75exfe3olvj5ymurqsre3fepqempo2li2atzpwdzpmb7qjmapkcuy4');


--
-- Name: blob_contents; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.blob_contents', 1, true);


--
-- Name: facts_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.facts_position_seq', 34, true);


--
-- Name: jobs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.jobs_id_seq', 4, true);


--
-- Name: memories_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.memories_id_seq', 3, true);


--
-- Name: room_blobs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.room_blobs_id_seq', 1, true);


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
-- Name: facts_messages; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX facts_messages ON public.facts USING btree (stream, seq, actor) WHERE (type = 'message.posted'::text);


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

\unrestrict sDzSfBipj2N9FVIy89FhDTeuqXlAbqwnmClBT1Ar2xyooCRNpeSPup50WVsQhLF

