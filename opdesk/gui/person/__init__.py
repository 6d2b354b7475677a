"""People: the new-person form, the privacy notice, the person page and merging."""
