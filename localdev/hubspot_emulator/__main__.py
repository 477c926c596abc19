from localdev.hubspot_emulator.runner import main

raise SystemExit(main())
