"""opdesk: the offline-first front desk of the opcafè."""

__version__ = "0.1.0"
