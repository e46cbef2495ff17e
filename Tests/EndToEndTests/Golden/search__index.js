window.briefingSearchIndex = {"kinds":[["party",0],["term",12],["event",20],["paragraph",30]],"rowShards":["24f9f47a2ec8"],"rowStarts":[0],"rows":37,"version":"372b3949b2b3","wordShards":16};
