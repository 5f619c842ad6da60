"""Domain floor: models, enums, text, offsets, spans, entity identity. Imports nothing of the app; no Qt."""
