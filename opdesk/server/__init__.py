"""HQ: applies the desks' mutations with the same core services, authoritatively, and
hands out changes by version. No Qt here."""
