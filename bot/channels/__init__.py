"""Input channels: how trainees reach the assistant. No coaching logic lives here."""
