from presssum.cli import main

main()
