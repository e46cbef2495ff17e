window.briefingSearchIndex = {"kinds":[["party",0],["term",12],["event",20],["paragraph",30]],"rows":37,"rowsPerShard":100,"wordShards":16};
