"""Every mutation, registered by importing its module here."""

from opdesk.core.mutations import consent, directory, people, queue, visits
from opdesk.core.mutations.base import REGISTRY, Mutation, parse_mutation

__all__ = [
    "REGISTRY",
    "Mutation",
    "consent",
    "directory",
    "parse_mutation",
    "people",
    "queue",
    "visits",
]
