"""Domain layer: models, services, text normalisation and offsets. No Qt."""
