"""The Customers screen: the lazy table, the filter box and a customer's profile."""
