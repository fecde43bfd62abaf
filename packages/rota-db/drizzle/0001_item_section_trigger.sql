-- Original DDL: an item's section must exist and belong to the item's own trail.
CREATE OR REPLACE FUNCTION fn_check_item_section_same_trail() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  section_trail bigint;
BEGIN
  IF NEW.section_id IS NOT NULL THEN
    SELECT trail_id INTO section_trail FROM trail_sections WHERE id = NEW.section_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'trail_sections.id % does not exist', NEW.section_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF section_trail <> NEW.trail_id THEN
      RAISE EXCEPTION 'section % belongs to trail %, not to trail %', NEW.section_id, section_trail, NEW.trail_id
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS trg_check_item_section_same_trail ON trail_items;
--> statement-breakpoint
CREATE TRIGGER trg_check_item_section_same_trail
BEFORE INSERT OR UPDATE OF section_id, trail_id ON trail_items
FOR EACH ROW EXECUTE FUNCTION fn_check_item_section_same_trail();
