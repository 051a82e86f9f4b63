from smallbiz_loyalty.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
