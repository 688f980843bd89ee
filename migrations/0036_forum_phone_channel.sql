-- Opinions sent from phones at a forum were stored with channel 'qr' (the forum's QR code brought the phone);
-- they were raised at the forum, so they count in its channel like the secretary's entries. forum_items
-- records where each came from: 'citizen' for a phone, 'secretary' for what was said aloud.
UPDATE opinions SET channel = 'forum'
WHERE channel = 'qr'
  AND id IN (SELECT opinion_id FROM forum_items WHERE source = 'citizen');
