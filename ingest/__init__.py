"""newsrag's ingestion: readers per format, chunking, batched embedding and idempotent upserts."""
