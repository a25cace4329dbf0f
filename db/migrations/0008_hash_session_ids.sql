-- Sessions are looked up by the sha256 of the cookie's id from now on; existing sessions stay valid.
UPDATE "sessions" SET "id" = encode(sha256(convert_to("id", 'UTF8')), 'hex');
