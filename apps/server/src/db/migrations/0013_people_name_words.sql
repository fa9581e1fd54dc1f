-- Name search at national scale. A trigram index answers '%nguyen van an%' by merging the posting lists
-- of trigrams such as 'ngu' that a third of the country shares: over a second at 10 million people.
-- Instead: names are matched from their start by the ordered btree (persons_name_order_idx, a range scan
-- in keyset order), and by whole words anywhere through a GIN index on the name's words, whose rarest
-- word bounds the work. The trigram index goes: nothing uses it, and it was the costliest to maintain.
drop index if exists persons_name_trgm_idx;
create index persons_name_words_idx on persons using gin (string_to_array(name_folded, ' '));
