"""The domain: rules, mutations and services. No Qt and no HTTP are imported here."""
