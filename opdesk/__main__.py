from opdesk.cli import main

raise SystemExit(main())
