package duban

// CompletionStage is the stage at which a project's building is done:
// 竣工, or 投产 in a pipeline without 竣工 (洽谈→签约→开工→投产). From
// then on its year's investment is spent.
func CompletionStage(pipeline []PipelineStep) ProjectStage {
	for _, p := range pipeline {
		if p.Stage == StageCompleted {
			return p.Stage
		}
	}
	return StageOperating
}

// Finished reports whether a project at stage s of the pipeline is built.
func Finished(pipeline []PipelineStep, s ProjectStage) bool {
	return s != "" && s.Rank() >= CompletionStage(pipeline).Rank()
}
