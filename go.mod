module github.com/duban-dev/duban

go 1.26.8
