"""Printed documents, with reportlab only (never Qt).

fonts.py registers the shipped Noto fonts; rtl.py turns logical Arabic/English text
into drawn lines (shaping, bidi, wrapping, font runs); paragraph.py is the `Para`
flowable every document uses; kit.py holds paper, theme, styles, the page header and
footer and `build_pdf`; flowables.py has KPI tiles, QR codes and tables; cards.py
prints loyalty cards.
"""
