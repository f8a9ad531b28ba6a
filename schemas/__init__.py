"""The contracts of thidua's data: form DVK-01 (what units send) and the registration table."""
