-- why: a council member sees the others' reviews only after submitting their own; from the moment they have been shown
-- them, their own review is final (security review F13), so nobody can post a placeholder, read the others, and then
-- replace it. A recusal still withdraws it.
ALTER TABLE reviews ADD COLUMN others_seen_at timestamptz;

CREATE FUNCTION reviews_final_once_others_seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.others_seen_at IS NOT NULL AND OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
       AND NOT EXISTS (
           SELECT 1 FROM recusals r WHERE r.nomination_id = OLD.nomination_id AND r.account_id = OLD.reviewer_id) THEN
        RAISE EXCEPTION 'a review is final once the other members'' reviews were shown to its author'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'reviews_final_once_seen';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER reviews_final_once_others_seen BEFORE UPDATE OF superseded_at ON reviews
    FOR EACH ROW EXECUTE FUNCTION reviews_final_once_others_seen();
